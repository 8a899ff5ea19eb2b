package dev.zengate.management.interfaces.rest;

import static dev.zengate.management.interfaces.rest.PairsResource.required;
import static dev.zengate.management.interfaces.rest.Roles.ADMIN;
import static dev.zengate.management.interfaces.rest.Roles.AUDITOR;
import static dev.zengate.management.interfaces.rest.Roles.OPERATOR;

import dev.zengate.management.application.CertificateService;
import dev.zengate.management.application.CertificateUpload;
import dev.zengate.management.application.CertificateUsage;
import dev.zengate.management.application.ImportedCertificate;
import dev.zengate.management.application.MasterKeyRotation;
import dev.zengate.management.domain.certificate.CsrRequest;
import dev.zengate.management.domain.certificate.ManagedCertificate;
import dev.zengate.management.domain.certificate.SealedPrivateKey;
import dev.zengate.management.domain.shared.InvalidInputException;
import dev.zengate.management.interfaces.rest.dto.CertificateView;
import dev.zengate.management.interfaces.rest.dto.CertificatesInput;
import dev.zengate.management.interfaces.rest.dto.CsrInput;
import dev.zengate.management.interfaces.rest.dto.CsrView;
import dev.zengate.management.interfaces.rest.dto.ExportInput;
import dev.zengate.management.interfaces.rest.dto.ImportView;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/certificates}: import, CSR generation, issued-certificate matching, inventory with
 * expiry, deletion, and the admin-only, audited PKCS#12 export. Private keys are never returned any
 * other way.
 */
@Path("certificates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CertificatesResource {

  @Inject private CertificateService certificates;
  @Inject private CertificateUsage usage;
  @Inject private MasterKeyRotation rotation;
  @Inject private CurrentActor actor;
  @Context private UriInfo uri;

  @GET
  @RolesAllowed({ADMIN, OPERATOR, AUDITOR})
  public List<CertificateView> list(
      @QueryParam("q") String search,
      @QueryParam("expiringWithinDays") Integer expiringWithinDays,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    if (expiringWithinDays != null && (expiringWithinDays < 0 || expiringWithinDays > 36500)) {
      throw new InvalidInputException("expiringWithinDays must be between 0 and 36500");
    }
    OffsetDateTime before =
        expiringWithinDays == null ? null : OffsetDateTime.now().plusDays(expiringWithinDays);
    return certificates.search(search, before, Paging.offset(offset), Paging.limit(limit)).stream()
        .map(c -> CertificateView.of(c, certificates.keyOf(c).isPresent()))
        .toList();
  }

  @POST
  @RolesAllowed({ADMIN, OPERATOR})
  public Response importCertificate(CertificateUpload upload) {
    return created(certificates.importCertificate(actor.get(), required(upload)));
  }

  @GET
  @Path("{id}")
  @RolesAllowed({ADMIN, OPERATOR, AUDITOR})
  public CertificateView get(@PathParam("id") long id) {
    ManagedCertificate certificate = certificates.get(id);
    return CertificateView.of(certificate, certificates.keyOf(certificate).isPresent());
  }

  /** Where the certificate is used: listeners, trust stores, certificates it issued. */
  @GET
  @Path("{id}/usage")
  @RolesAllowed({ADMIN, OPERATOR, AUDITOR})
  public List<CertificateUsage.Use> usage(@PathParam("id") long id) {
    certificates.get(id);
    return usage.of(id);
  }

  /** The certificate and its stored chain as PEM, leaf first. */
  @GET
  @Path("{id}/pem")
  @Produces("application/x-pem-file")
  @RolesAllowed({ADMIN, OPERATOR, AUDITOR})
  public String pem(@PathParam("id") long id) {
    StringBuilder pem = new StringBuilder();
    for (ManagedCertificate c : certificates.get(id).chain()) {
      pem.append(c.pem());
    }
    return pem.toString();
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed({ADMIN, OPERATOR})
  public Response delete(@PathParam("id") long id) {
    certificates.delete(actor.get(), id);
    return Response.noContent().build();
  }

  /** The one way a private key leaves: PKCS#12 under a passphrase, admins only, audited. */
  @POST
  @Path("{id}/export")
  @Produces("application/x-pkcs12")
  @RolesAllowed(ADMIN)
  public Response export(@PathParam("id") long id, ExportInput input) {
    byte[] pkcs12 = certificates.exportPkcs12(actor.get(), id, required(input).passphrase());
    return Response.ok(pkcs12)
        .header("Content-Disposition", "attachment; filename=\"certificate-" + id + ".p12\"")
        .build();
  }

  @POST
  @Path("csr")
  @RolesAllowed({ADMIN, OPERATOR})
  public Response generateCsr(CsrInput input) {
    CsrInput in = required(input);
    SealedPrivateKey key =
        certificates.generateCsr(
            actor.get(), CsrRequest.of(in.keyType(), in.subject(), in.subjectAltNames()));
    return Response.created(uri.getAbsolutePathBuilder().path(key.id().toString()).build())
        .entity(CsrView.of(key))
        .build();
  }

  @GET
  @Path("csr")
  @RolesAllowed({ADMIN, OPERATOR, AUDITOR})
  public List<CsrView> pendingCsrs() {
    return certificates.pendingKeys().stream().map(CsrView::of).toList();
  }

  @GET
  @Path("csr/{id}")
  @RolesAllowed({ADMIN, OPERATOR, AUDITOR})
  public CsrView csr(@PathParam("id") long id) {
    return CsrView.of(certificates.pendingKey(id));
  }

  /** Attaches an issued certificate to the pending key it was requested for. */
  @POST
  @Path("issued")
  @RolesAllowed({ADMIN, OPERATOR})
  public Response issued(CertificatesInput input) {
    return created(certificates.attachIssued(actor.get(), required(input).certificates()));
  }

  /**
   * Re-wraps everything sealed under the master key (private keys and the bundle-signing key) under
   * the current master key, after a master key rotation.
   */
  @POST
  @Path("keys/rewrap")
  @RolesAllowed(ADMIN)
  public Map<String, Integer> rewrap() {
    return rotation.rewrapAll(actor.get());
  }

  private Response created(ImportedCertificate imported) {
    return Response.created(
            uri.getBaseUriBuilder()
                .path("certificates")
                .path(imported.certificate().id().toString())
                .build())
        .entity(ImportView.of(imported))
        .build();
  }
}
