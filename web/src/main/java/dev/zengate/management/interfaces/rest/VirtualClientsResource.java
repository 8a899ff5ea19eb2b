package dev.zengate.management.interfaces.rest;

import static dev.zengate.management.interfaces.rest.PairsResource.required;
import static dev.zengate.management.interfaces.rest.Roles.ADMIN;
import static dev.zengate.management.interfaces.rest.Roles.AUDITOR;
import static dev.zengate.management.interfaces.rest.Roles.OPERATOR;

import dev.zengate.management.application.ListenerService;
import dev.zengate.management.application.VirtualClientSpec;
import dev.zengate.management.domain.listener.VirtualClient;
import dev.zengate.management.interfaces.rest.dto.VirtualClientView;
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

/** {@code /api/virtual-clients}: the TLS client function of each pair. */
@Path("virtual-clients")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VirtualClientsResource {

  @Inject private ListenerService listeners;
  @Inject private CurrentActor actor;
  @Context private HttpHeaders headers;
  @Context private UriInfo uri;

  @GET
  @RolesAllowed({ADMIN, OPERATOR, AUDITOR})
  public List<VirtualClientView> list() {
    return listeners.virtualClients().stream().map(VirtualClientView::of).toList();
  }

  @POST
  @RolesAllowed({ADMIN, OPERATOR})
  public Response create(VirtualClientSpec spec) {
    VirtualClient client = listeners.createVirtualClient(actor.get(), required(spec));
    return Preconditions.withEtag(
            Response.created(uri.getAbsolutePathBuilder().path(client.id().toString()).build()),
            client)
        .entity(VirtualClientView.of(client))
        .build();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({ADMIN, OPERATOR, AUDITOR})
  public Response get(@PathParam("id") long id) {
    VirtualClient client = listeners.virtualClient(id);
    return Preconditions.withEtag(Response.ok(VirtualClientView.of(client)), client).build();
  }

  @PUT
  @Path("{id}")
  @RolesAllowed({ADMIN, OPERATOR})
  public Response update(@PathParam("id") long id, VirtualClientSpec spec) {
    VirtualClient client =
        listeners.updateVirtualClient(
            actor.get(), id, Preconditions.ifMatch(headers), required(spec));
    return Preconditions.withEtag(Response.ok(VirtualClientView.of(client)), client).build();
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed({ADMIN, OPERATOR})
  public Response delete(@PathParam("id") long id) {
    listeners.deleteVirtualClient(actor.get(), id, Preconditions.ifMatch(headers));
    return Response.noContent().build();
  }
}
