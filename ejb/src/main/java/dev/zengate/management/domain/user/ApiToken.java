package dev.zengate.management.domain.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A bearer token a script authenticates with, acting as its user. Only the SHA-256 of the token is
 * stored: the token has 256 random bits, so a slow password hash would add nothing.
 */
@Entity
@Table(name = "api_token")
@NamedQuery(
    name = "ApiToken.byHash",
    query = "SELECT t FROM ApiToken t JOIN FETCH t.user WHERE t.tokenSha256 = :hash")
@NamedQuery(
    name = "ApiToken.ofUser",
    query = "SELECT t FROM ApiToken t WHERE t.user = :user ORDER BY t.createdAt DESC, t.id DESC")
public class ApiToken {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "user_id")
  private AppUser user;

  @Column(nullable = false)
  private String name;

  @Column(name = "token_sha256", nullable = false)
  private String tokenSha256;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "expires_at", nullable = false)
  private OffsetDateTime expiresAt;

  @Column(name = "last_used_at")
  private OffsetDateTime lastUsedAt;

  protected ApiToken() {}

  public ApiToken(AppUser user, String name, String tokenSha256, OffsetDateTime expiresAt) {
    this.user = user;
    this.name = name;
    this.tokenSha256 = tokenSha256;
    this.createdAt = OffsetDateTime.now();
    this.expiresAt = expiresAt;
  }

  public boolean validAt(OffsetDateTime now) {
    return user.enabled() && now.isBefore(expiresAt);
  }

  /** Notes a use; written at most once a minute so that a busy script does not write per call. */
  public void usedAt(OffsetDateTime now) {
    if (lastUsedAt == null || lastUsedAt.isBefore(now.minusMinutes(1))) {
      lastUsedAt = now;
    }
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime lastUsedAt() {
    return lastUsedAt;
  }

  public Long id() {
    return id;
  }

  public AppUser user() {
    return user;
  }

  public String name() {
    return name;
  }

  public OffsetDateTime expiresAt() {
    return expiresAt;
  }
}
