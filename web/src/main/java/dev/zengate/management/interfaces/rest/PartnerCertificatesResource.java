package dev.zengate.management.interfaces.rest;

import static dev.zengate.management.interfaces.rest.Roles.ADMIN;
import static dev.zengate.management.interfaces.rest.Roles.AUDITOR;
import static dev.zengate.management.interfaces.rest.Roles.OPERATOR;

import dev.zengate.management.application.CertificateWatch;
import dev.zengate.management.application.PartnerCertificateListing;
import dev.zengate.management.domain.shared.InvalidInputException;
import dev.zengate.management.interfaces.rest.dto.PartnerCertificateView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/**
 * {@code /api/partner-certificates}: the partners' certificates the nodes saw in TLS handshakes,
 * each with where (pair, node, listener) and when (first and last seen), soonest expiry first. The
 * certificate watch notifies their expiry like that of stored certificates.
 */
@Path("partner-certificates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PartnerCertificatesResource {

  @Inject private PartnerCertificateListing listing;

  @GET
  @RolesAllowed({ADMIN, OPERATOR, AUDITOR})
  public List<PartnerCertificateView> list(
      @QueryParam("pairId") Long pairId,
      @QueryParam("expiringWithinDays") Integer expiringWithinDays,
      @QueryParam("limit") Integer limit) {
    if (expiringWithinDays != null && (expiringWithinDays < 0 || expiringWithinDays > 36500)) {
      throw new InvalidInputException("expiringWithinDays must be between 0 and 36500");
    }
    Instant now = CertificateWatch.time(null);
    return listing.list(pairId, expiringWithinDays, now, Paging.limit(limit)).stream()
        .map(seen -> PartnerCertificateView.of(seen, now))
        .toList();
  }
}
