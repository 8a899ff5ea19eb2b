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
import dev.zengate.management.domain.shared.TooManyAttemptsException;
import dev.zengate.management.domain.shared.UnavailableException;
import dev.zengate.management.infrastructure.grid.DataGrid;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Enrollment of gateway nodes: an admin issues a short-lived one-time token for a node (a newer
 * token supersedes the older ones); the node presents it with its sealing and channel public keys
 * and receives the bundle-signing key (which the token pins), a client certificate for its channel
 * key, the node-channel CA and the members' channel endpoints (signed by the pinned key). A node
 * enrolls once: enrolling it again needs an admin's reset first, which also closes its open
 * channel. Issuing, enrolling, resetting and every refusal are audited.
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
  @Inject private EnrollmentThrottle throttle;
  @Inject private NodeChannelCa channelCa;
  @Inject private Event<EnrollmentReset> resets;

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
    int superseded =
        em.createNativeQuery(
                "UPDATE enrollment_token SET revoked_at = now() WHERE node_id = ?1"
                    + " AND used_at IS NULL AND revoked_at IS NULL")
            .setParameter(1, node.id())
            .executeUpdate();
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
                    "expiresAt", ticket.expiresAt().toString(),
                    "supersededTokens", superseded))));
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
    PublicKey channelKey;
    try {
      channelKey = PublicKeys.decode(PublicKeys.CHANNEL_ALGORITHM, request.channelKey());
      if (!(channelKey instanceof ECPublicKey ec)
          || ec.getParams().getCurve().getField().getFieldSize() != 256) {
        throw new IllegalArgumentException("not a P-256 key");
      }
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "channelKey: " + e.getMessage() + " (base64url SPKI of an EC P-256 key)");
    }
    String tokenId = "token " + token.id();
    long wait = throttle.admit(tokenId, sourceAddress);
    if (wait > 0) {
      throttle.refused(tokenId, sourceAddress);
      throw new TooManyAttemptsException(
          "too many refused enrollments for this token or from this address: try again in "
              + wait
              + " s",
          wait);
    }
    EnrollmentTicket ticket = em.find(EnrollmentTicket.class, token.id());
    try {
      if (ticket == null) {
        throw new RefusedException("enrollment token " + token.id() + " is not valid");
      }
      ticket.spend(UserDirectory.sha256(token.secret()), OffsetDateTime.now());
      if (ticket.node().publicKey() != null) {
        throw new RefusedException(
            "node "
                + ticket.node().name()
                + " is already enrolled; an admin must reset its enrollment first");
      }
    } catch (RefusedException refused) {
      if (!throttle.failed(tokenId, sourceAddress)) {
        throw refused; // counted in the window's summary row (EnrollmentRefusalSummaries)
      }
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
    throttle.succeeded(tokenId, sourceAddress);
    GatewayNode node = ticket.node();
    if (!signingKeys.fingerprint().equals(ticket.signingFingerprint())) {
      throw new RefusedException(
          "enrollment token " + token.id() + " pins a signing key this server no longer uses");
    }
    List<String> endpoints = grid.channelEndpoints();
    if (endpoints.isEmpty()) {
      throw new UnavailableException(
          "no node-channel listener runs in the management cluster; nodes could not be reached");
    }
    node.enroll(publicKey, PublicKeys.fingerprint(channelKey), OffsetDateTime.now());
    String caPem = channelCa.current().certificatePem();
    String certificate = channelCa.issueNodeCertificate(channelKey, node.id(), node.name());
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
                            PublicKeys.decode(PublicKeys.SEALING_ALGORITHM, publicKey)),
                    "channelKey", PublicKeys.fingerprint(channelKey)))));
    KeyPair signing = signingKeys.current();
    return new Enrollment(
        node.pair().id(),
        node.pair().name(),
        node.id(),
        node.name(),
        PublicKeys.encode(signing.getPublic()),
        caPem,
        certificate,
        endpoints,
        Enrollment.signChannel(signing.getPrivate(), node.id(), caPem, certificate, endpoints));
  }

  /**
   * Forgets a node's enrollment (its keys and channel certificate) and revokes its open tokens, so
   * it can enroll again with a new token; the member holding its channel closes it at once.
   */
  public void reset(Actor actor, long pairId, String nodeName) {
    GatewayNode node = pairs.node(pairId, nodeName);
    boolean wasEnrolled = node.publicKey() != null;
    String previousKey = node.channelKeyFingerprint();
    node.resetEnrollment();
    em.createNativeQuery(
            "UPDATE enrollment_token SET revoked_at = now() WHERE node_id = ?1"
                + " AND used_at IS NULL AND revoked_at IS NULL")
        .setParameter(1, node.id())
        .executeUpdate();
    em.flush();
    Map<String, Object> view = new java.util.LinkedHashMap<>();
    view.put("node", node.name());
    view.put("wasEnrolled", wasEnrolled);
    view.put("channelKey", previousKey);
    audit.record(
        actor,
        new AuditedChange(
            "node.enrollment.reset", "node", node.id().toString(), null, AuditJson.of(view)));
    resets.fire(new EnrollmentReset(node.id()));
  }
}
