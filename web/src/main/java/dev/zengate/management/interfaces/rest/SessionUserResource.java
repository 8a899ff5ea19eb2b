package dev.zengate.management.interfaces.rest;

import static dev.zengate.management.interfaces.rest.PairsResource.required;
import static dev.zengate.management.interfaces.rest.Roles.ADMIN;
import static dev.zengate.management.interfaces.rest.Roles.AUDITOR;
import static dev.zengate.management.interfaces.rest.Roles.OPERATOR;

import dev.zengate.management.application.ApiTokens;
import dev.zengate.management.application.UserDirectory;
import dev.zengate.management.interfaces.rest.dto.ApiTokenView;
import dev.zengate.management.interfaces.rest.dto.TokenInput;
import dev.zengate.management.interfaces.rest.dto.TokenView;
import dev.zengate.management.interfaces.rest.dto.UserView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** {@code /api/me}: who the caller is, and API tokens of its own for scripts. */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionUserResource {

  @Inject private UserDirectory users;
  @Inject private ApiTokens tokens;
  @Inject private CurrentActor actor;

  @GET
  @RolesAllowed({ADMIN, OPERATOR, AUDITOR})
  public UserView me() {
    return UserView.of(users.get(actor.get().username()));
  }

  @POST
  @Path("tokens")
  @RolesAllowed({ADMIN, OPERATOR, AUDITOR})
  public Response issueToken(TokenInput input) {
    TokenInput in = required(input);
    String token = tokens.issue(actor.get(), in.name(), in.expiresAt());
    return Response.status(Response.Status.CREATED).entity(new TokenView(in.name(), token)).build();
  }

  /** The caller's own tokens (names, expiry, last use; never the tokens themselves). */
  @GET
  @Path("tokens")
  @RolesAllowed({ADMIN, OPERATOR, AUDITOR})
  public List<ApiTokenView> tokens() {
    return tokens.of(actor.get().username()).stream().map(ApiTokenView::of).toList();
  }

  @DELETE
  @Path("tokens/{id}")
  @RolesAllowed({ADMIN, OPERATOR, AUDITOR})
  public Response revokeToken(@PathParam("id") long id) {
    tokens.revoke(actor.get(), actor.get().username(), id);
    return Response.noContent().build();
  }
}
