package dev.zengate.management.interfaces.rest;

import static dev.zengate.management.interfaces.rest.PairsResource.required;
import static dev.zengate.management.interfaces.rest.Roles.ADMIN;

import dev.zengate.management.application.ApiTokens;
import dev.zengate.management.application.UserDirectory;
import dev.zengate.management.domain.user.AppUser;
import dev.zengate.management.domain.user.Role;
import dev.zengate.management.interfaces.rest.dto.ApiTokenView;
import dev.zengate.management.interfaces.rest.dto.UserInput;
import dev.zengate.management.interfaces.rest.dto.UserUpdate;
import dev.zengate.management.interfaces.rest.dto.UserView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** {@code /api/users}: user management, for admins only. */
@Path("users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UsersResource {

  @Inject private UserDirectory users;
  @Inject private ApiTokens tokens;
  @Inject private CurrentActor actor;
  @Context private HttpHeaders headers;
  @Context private UriInfo uri;

  @GET
  @RolesAllowed(ADMIN)
  public List<UserView> list() {
    return users.all().stream().map(UserView::of).toList();
  }

  @POST
  @RolesAllowed(ADMIN)
  public Response create(UserInput input) {
    UserInput in = required(input);
    AppUser user = users.create(actor.get(), in.username(), in.password(), role(in.role()));
    return Preconditions.withEtag(
            Response.created(uri.getAbsolutePathBuilder().path(user.username()).build()), user)
        .entity(UserView.of(user))
        .build();
  }

  @GET
  @Path("{username}")
  @RolesAllowed(ADMIN)
  public Response get(@PathParam("username") String username) {
    AppUser user = users.get(username);
    return Preconditions.withEtag(Response.ok(UserView.of(user)), user).build();
  }

  @PUT
  @Path("{username}")
  @RolesAllowed(ADMIN)
  public Response update(@PathParam("username") String username, UserUpdate input) {
    UserUpdate in = required(input);
    AppUser user =
        users.update(
            actor.get(),
            username,
            Preconditions.ifMatch(headers),
            in.role() == null ? null : role(in.role()),
            in.enabled(),
            in.password());
    return Preconditions.withEtag(Response.ok(UserView.of(user)), user).build();
  }

  private static Role role(String name) {
    for (Role role : Role.values()) {
      if (role.roleName().equals(name)) {
        return role;
      }
    }
    throw new dev.zengate.management.domain.shared.InvalidInputException(
        "role '" + name + "' does not exist: use admin, operator or auditor");
  }

  /** A user's API tokens, for an admin who reviews or revokes them. */
  @GET
  @Path("{username}/tokens")
  @RolesAllowed(ADMIN)
  public List<ApiTokenView> tokens(@PathParam("username") String username) {
    return tokens.of(username).stream().map(ApiTokenView::of).toList();
  }

  @DELETE
  @Path("{username}/tokens/{id}")
  @RolesAllowed(ADMIN)
  public Response revokeToken(@PathParam("username") String username, @PathParam("id") long id) {
    tokens.revoke(actor.get(), username, id);
    return Response.noContent().build();
  }
}
