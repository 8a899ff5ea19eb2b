package dev.zengate.management.interfaces.rest;

import static dev.zengate.management.interfaces.rest.PairsResource.required;
import static dev.zengate.management.interfaces.rest.Roles.ADMIN;
import static dev.zengate.management.interfaces.rest.Roles.AUDITOR;
import static dev.zengate.management.interfaces.rest.Roles.OPERATOR;

import dev.zengate.management.application.TrustStoreService;
import dev.zengate.management.domain.trust.TrustStore;
import dev.zengate.management.interfaces.rest.dto.CertificatesInput;
import dev.zengate.management.interfaces.rest.dto.TrustStoreInput;
import dev.zengate.management.interfaces.rest.dto.TrustStoreView;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** {@code /api/trust-stores}: named sets of CA certificates. */
@Path("trust-stores")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TrustStoresResource {

  @Inject private TrustStoreService stores;
  @Inject private CurrentActor actor;
  @Context private HttpHeaders headers;
  @Context private UriInfo uri;

  @GET
  @RolesAllowed({ADMIN, OPERATOR, AUDITOR})
  public List<TrustStoreView> list() {
    return stores.list().stream().map(TrustStoreView::of).toList();
  }

  @POST
  @RolesAllowed({ADMIN, OPERATOR})
  public Response create(TrustStoreInput input) {
    TrustStoreInput in = required(input);
    TrustStore store = stores.create(actor.get(), in.name(), in.description(), in.certificates());
    return Preconditions.withEtag(
            Response.created(uri.getAbsolutePathBuilder().path(store.id().toString()).build()),
            store)
        .entity(TrustStoreView.of(store))
        .build();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({ADMIN, OPERATOR, AUDITOR})
  public Response get(@PathParam("id") long id) {
    TrustStore store = stores.get(id);
    return Preconditions.withEtag(Response.ok(TrustStoreView.of(store)), store).build();
  }

  @POST
  @Path("{id}/certificates")
  @RolesAllowed({ADMIN, OPERATOR})
  public Response addCertificates(@PathParam("id") long id, CertificatesInput input) {
    TrustStore store =
        stores.addCertificates(
            actor.get(), id, Preconditions.ifMatch(headers), required(input).certificates());
    return Preconditions.withEtag(Response.ok(TrustStoreView.of(store)), store).build();
  }

  @DELETE
  @Path("{id}/certificates/{certificateId}")
  @RolesAllowed({ADMIN, OPERATOR})
  public Response removeCertificate(
      @PathParam("id") long id, @PathParam("certificateId") long certificateId) {
    TrustStore store =
        stores.removeCertificate(actor.get(), id, Preconditions.ifMatch(headers), certificateId);
    return Preconditions.withEtag(Response.ok(TrustStoreView.of(store)), store).build();
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed({ADMIN, OPERATOR})
  public Response delete(@PathParam("id") long id) {
    stores.delete(actor.get(), id, Preconditions.ifMatch(headers));
    return Response.noContent().build();
  }
}
