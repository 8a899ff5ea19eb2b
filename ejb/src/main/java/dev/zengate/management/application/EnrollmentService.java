package dev.zengate.management.application;

import dev.zengate.bundle.Base64Text;
import dev.zengate.bundle.Enrollment;
import dev.zengate.bundle.EnrollmentRequest;
import dev.zengate.bundle.EnrollmentToken;
import dev.zengate.bundle.PublicKeys;
import dev.zengate.management.domain.audit.Actor;
import dev.zengate.management.domain.audit.AuditedChange;
import dev.zengate.management.domain.pair.EnrollmentTicket;
import dev.zengate.management.domain.pair.GatewayNode;
import dev.zengate.management.domain.shared.InvalidInputException;
import dev.zengate.management.domain.shared.RefusedException;
import dev.zengate.management.domain.shared.UnavailableException;
import dev.zengate.management.infrastructure.grid.DataGrid;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Enrollment of gateway nodes: an admin issues a short-lived one-time token for a node; the node
 * presents it with its public key and receives the bundle-signing key (which the token pins) and
 * the grid's address. Issuing, enrolling and every refusal are audited.
 */
@Stateless
public class EnrollmentService {

  public static final Duration DEFAULT_VALIDITY = Duration.ofMinutes(30);
  public static final Duration MAX_VALIDITY = Duration.ofDays(7);

  private final SecureRandom random = new SecureRandom();

  @PersistenceContext private EntityManager em;
  @Inject private PairService pairs;
  @Inject private BundleSigningKeys signingKeys;
  @Inject private DataGrid grid;
  @Inject private AuditTrail audit;

  public IssuedEnrollment issue(Actor actor, long pairId, String nodeName, Duration validity) {
    Duration ttl = validity == null ? DEFAULT_VALIDITY : validity;
    if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_VALIDITY) > 0) {
      throw new InvalidInputException(
          "enrollment token validity must be between 1 second and "
              + MAX_VALIDITY.toDays()
              + " days");
    }
    GatewayNode node = pairs.node(pairId, nodeName);
    byte[] secretBytes = new byte[32];
    random.nextBytes(secretBytes);
    String secret = Base64Text.encode(secretBytes);
    String fingerprint = signingKeys.fingerprint();
    OffsetDateTime now = OffsetDateTime.now();
    EnrollmentTicket ticket =
        new EnrollmentTicket(
            node, UserDirectory.sha256(secret), fingerprint, actor.username(), now, now.plus(ttl));
    em.persist(ticket);
    em.flush();
    audit.record(
        actor,
        new AuditedChange(
            "node.enrollment.issue",
            "node",
            node.id().toString(),
            null,
            AuditJson.of(
                Map.of(
                    "token", ticket.id(),
                    "node", node.name(),
                    "expiresAt", ticket.expiresAt().toString()))));
    return new IssuedEnrollment(
        new EnrollmentToken(ticket.id(), secret, fingerprint).toString(),
        node.id(),
        ticket.expiresAt(),
        fingerprint);
  }

  /**
   * Enrolls the node a token was issued for.
   *
   * @throws InvalidInputException when the request is malformed
   * @throws RefusedException when the token is unknown, wrong, used or expired (audited)
   */
  public Enrollment enroll(EnrollmentRequest request, String sourceAddress) {
    Actor actor = new Actor("enrollment", sourceAddress);
    if (request == null) {
      throw new InvalidInputException("an enrollment needs a token and a publicKey");
    }
    EnrollmentToken token;
    try {
      token = EnrollmentToken.parse(request.token());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage());
    }
    String publicKey;
    try {
      publicKey =
          PublicKeys.encode(PublicKeys.decode(PublicKeys.SEALING_ALGORITHM, request.publicKey()));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("publicKey: " + e.getMessage() + " (base64url SPKI)");
    }
    EnrollmentTicket ticket = em.find(EnrollmentTicket.class, token.id());
    try {
      if (ticket == null) {
        throw new RefusedException("enrollment token " + token.id() + " is not valid");
      }
      ticket.spend(UserDirectory.sha256(token.secret()), OffsetDateTime.now());
    } catch (RefusedException refused) {
      audit.recordIndependently(
          actor,
          new AuditedChange(
              "node.enroll.refused",
              "node",
              ticket == null ? "" : ticket.node().id().toString(),
              null,
              AuditJson.of(Map.of("token", token.id(), "reason", refused.getMessage()))));
      throw refused;
    }
    GatewayNode node = ticket.node();
    if (!signingKeys.fingerprint().equals(ticket.signingFingerprint())) {
      throw new RefusedException(
          "enrollment token " + token.id() + " pins a signing key this server no longer uses");
    }
    String cluster = grid.clusterName();
    List<String> members = grid.memberAddresses();
    if (cluster == null || members.isEmpty()) {
      throw new UnavailableException(
          "the data grid is not running on this management server; nodes could not be reached");
    }
    node.enroll(publicKey, OffsetDateTime.now());
    audit.record(
        actor,
        new AuditedChange(
            "node.enroll",
            "node",
            node.id().toString(),
            null,
            AuditJson.of(
                Map.of(
                    "token", ticket.id(),
                    "node", node.name(),
                    "publicKey",
                        PublicKeys.fingerprint(
                            PublicKeys.decode(PublicKeys.SEALING_ALGORITHM, publicKey))))));
    return new Enrollment(
        node.pair().id(),
        node.pair().name(),
        node.id(),
        node.name(),
        PublicKeys.encode(signingKeys.current().getPublic()),
        cluster,
        members);
  }
}
