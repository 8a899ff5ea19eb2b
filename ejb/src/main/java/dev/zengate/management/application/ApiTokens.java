package dev.zengate.management.application;

import dev.zengate.management.domain.audit.Actor;
import dev.zengate.management.domain.audit.AuditedChange;
import dev.zengate.management.domain.shared.InvalidInputException;
import dev.zengate.management.domain.shared.NotFoundException;
import dev.zengate.management.domain.user.ApiToken;
import dev.zengate.management.domain.user.AppUser;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * API tokens: issued to a user for scripts (shown once, stored as a hash), listed with their last
 * use, revoked by their owner or an admin, and all revoked when the user's password is reset or the
 * user is disabled. Every token expires: after {@link #DEFAULT_LIFETIME} unless the issuer chooses
 * another time.
 */
@Stateless
public class ApiTokens {

  public static final Duration DEFAULT_LIFETIME = Duration.ofDays(90);

  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext private EntityManager em;
  @Inject private AuditTrail audit;

  /** Issues a token to the acting user; returns it (only its hash is kept: shown this once). */
  public String issue(Actor actor, String name, OffsetDateTime expiresAt) {
    if (name == null || name.isBlank() || name.length() > 100) {
      throw InvalidInputException.at("name", "token.name");
    }
    OffsetDateTime now = OffsetDateTime.now();
    OffsetDateTime expiry = expiresAt == null ? now.plus(DEFAULT_LIFETIME) : expiresAt;
    if (!expiry.isAfter(now)) {
      throw InvalidInputException.at("expiresAt", "token.expiryPast", String.valueOf(expiresAt));
    }
    AppUser user = user(actor.username());
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = "zgt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    em.persist(new ApiToken(user, name, UserDirectory.sha256(token), expiry));
    audit.record(
        actor,
        new AuditedChange(
            "token.issue",
            "user",
            user.username(),
            null,
            AuditJson.of(Map.of("token", name, "expiresAt", expiry.toString()))));
    return token;
  }

  /** The tokens of {@code username}, newest first. */
  public List<ApiToken> of(String username) {
    return em.createNamedQuery("ApiToken.ofUser", ApiToken.class)
        .setParameter("user", user(username))
        .getResultList();
  }

  /** Revokes token {@code id} of {@code username}; 404 when that user has no such token. */
  public void revoke(Actor actor, String username, long id) {
    ApiToken token = em.find(ApiToken.class, id);
    if (token == null || !token.user().username().equals(username)) {
      throw new NotFoundException("API token", username + "/" + id);
    }
    em.remove(token);
    audit.record(
        actor,
        new AuditedChange("token.revoke", "user", username, AuditJson.of(view(token)), null));
  }

  /** Revokes every token of {@code user} (audited by the caller's change); returns how many. */
  public int revokeAllOf(AppUser user) {
    return em.createQuery("DELETE FROM ApiToken t WHERE t.user = :user")
        .setParameter("user", user)
        .executeUpdate();
  }

  private AppUser user(String username) {
    return em.createNamedQuery("AppUser.byName", AppUser.class)
        .setParameter("name", username)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("user", username));
  }

  private static Map<String, Object> view(ApiToken token) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", token.id());
    view.put("token", token.name());
    view.put("expiresAt", token.expiresAt().toString());
    return view;
  }
}
