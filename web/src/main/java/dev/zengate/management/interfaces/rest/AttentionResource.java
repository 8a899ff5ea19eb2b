package dev.zengate.management.interfaces.rest;

import static dev.zengate.management.interfaces.rest.Roles.ADMIN;
import static dev.zengate.management.interfaces.rest.Roles.AUDITOR;
import static dev.zengate.management.interfaces.rest.Roles.OPERATOR;

import dev.zengate.management.application.ExpiringCertificates;
import dev.zengate.management.application.PairAttention;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * {@code /api/attention}: what needs someone now, counted over all pairs and certificates, with the
 * first few of each kind: nodes out of sync, split brain, silent, refusing, failing publication;
 * certificates expired or expiring within 15, 30 and 60 days.
 */
@Path("attention")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AttentionResource {

  /** The overview's data in one answer. */
  public record AttentionView(
      PairAttention.Kind outOfSync,
      PairAttention.Kind splitBrain,
      PairAttention.Kind notReporting,
      PairAttention.Kind rejected,
      PairAttention.Kind publicationFailing,
      Map<String, ExpiringCertificates.Band> certificates) {}

  @Inject private PairAttention pairs;
  @Inject private ExpiringCertificates certificates;

  @GET
  @RolesAllowed({ADMIN, OPERATOR, AUDITOR})
  public AttentionView get() {
    PairAttention.Summary nodes = pairs.now();
    return new AttentionView(
        nodes.outOfSync(),
        nodes.splitBrain(),
        nodes.notReporting(),
        nodes.rejected(),
        nodes.publicationFailing(),
        certificates.now());
  }
}
