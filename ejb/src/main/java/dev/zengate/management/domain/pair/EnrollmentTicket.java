package dev.zengate.management.domain.pair;

import dev.zengate.management.domain.shared.RefusedException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;

/**
 * A one-time enrollment token issued for one node: only the SHA-256 of its secret is stored, it
 * expires, and it is spent by the first enrollment that presents it.
 */
@Entity
@Table(name = "enrollment_token")
public class EnrollmentTicket {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "node_id")
  private GatewayNode node;

  @Column(name = "secret_sha256", nullable = false)
  private String secretSha256;

  @Column(name = "signing_fingerprint", nullable = false)
  private String signingFingerprint;

  @Column(name = "issued_by", nullable = false)
  private String issuedBy;

  @Column(name = "issued_at", nullable = false)
  private OffsetDateTime issuedAt;

  @Column(name = "expires_at", nullable = false)
  private OffsetDateTime expiresAt;

  @Column(name = "used_at")
  private OffsetDateTime usedAt;

  @Column(name = "revoked_at")
  private OffsetDateTime revokedAt;

  protected EnrollmentTicket() {}

  public EnrollmentTicket(
      GatewayNode node,
      String secretSha256,
      String signingFingerprint,
      String issuedBy,
      OffsetDateTime issuedAt,
      OffsetDateTime expiresAt) {
    this.node = node;
    this.secretSha256 = secretSha256;
    this.signingFingerprint = signingFingerprint;
    this.issuedBy = issuedBy;
    this.issuedAt = issuedAt;
    this.expiresAt = expiresAt;
  }

  /**
   * Spends the ticket for {@code presentedSecretSha256} at {@code now}.
   *
   * @throws RefusedException saying why when the secret is wrong, the ticket is used or expired
   */
  public void spend(String presentedSecretSha256, OffsetDateTime now) {
    if (!MessageDigest.isEqual(
        secretSha256.getBytes(StandardCharsets.US_ASCII),
        presentedSecretSha256.getBytes(StandardCharsets.US_ASCII))) {
      throw new RefusedException("enrollment token " + id + " is not valid");
    }
    if (revokedAt != null) {
      throw new RefusedException(
          "enrollment token "
              + id
              + " was revoked at "
              + revokedAt
              + " (a newer token was issued, or the node's enrollment was reset)");
    }
    if (usedAt != null) {
      throw new RefusedException(
          "enrollment token " + id + " was already used at " + usedAt + "; issue a new one");
    }
    if (!now.isBefore(expiresAt)) {
      throw new RefusedException(
          "enrollment token " + id + " expired at " + expiresAt + "; issue a new one");
    }
    usedAt = now;
  }

  public Long id() {
    return id;
  }

  public GatewayNode node() {
    return node;
  }

  public String signingFingerprint() {
    return signingFingerprint;
  }

  public OffsetDateTime expiresAt() {
    return expiresAt;
  }
}
