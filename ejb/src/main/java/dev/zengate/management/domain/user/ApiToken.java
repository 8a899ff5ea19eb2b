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

  @Column(name = "expires_at")
  private OffsetDateTime expiresAt;

  protected ApiToken() {}

  public ApiToken(AppUser user, String name, String tokenSha256, OffsetDateTime expiresAt) {
    this.user = user;
    this.name = name;
    this.tokenSha256 = tokenSha256;
    this.createdAt = OffsetDateTime.now();
    this.expiresAt = expiresAt;
  }

  public boolean validAt(OffsetDateTime now) {
    return user.enabled() && (expiresAt == null || now.isBefore(expiresAt));
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
