package dev.zengate.management.application;

import dev.zengate.management.domain.audit.Actor;
import dev.zengate.management.domain.audit.AuditedChange;
import dev.zengate.management.domain.user.AppUser;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Browser sessions of the web console, kept in PostgreSQL so that every member of the cluster
 * accepts them. A session ends after {@link #IDLE} without a request, {@link #ABSOLUTE} after it
 * began, or when its user signs out or is disabled. Only a hash of the session id is stored.
 */
@Stateless
public class ConsoleSessions {

  public static final Duration IDLE = Duration.ofMinutes(30);
  public static final Duration ABSOLUTE = Duration.ofHours(12);

  /** Writing last-seen on every request would cost a row update per API call; once a minute. */
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext private EntityManager em;
  @Inject private UserDirectory users;
  @Inject private AuditTrail audit;

  /**
   * Checks the user's password (a failure is audited by the directory) and starts a session; the
   * returned id is the only copy of it.
   */
  public Optional<String> signIn(String username, String password, String sourceAddress) {
    Optional<AppUser> user = users.authenticate(username, password, sourceAddress);
    if (user.isEmpty()) {
      return Optional.empty();
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    em.createNativeQuery(
            "INSERT INTO console_session (session_sha256, user_id, source_address) VALUES (?1, ?2, ?3)")
        .setParameter(1, UserDirectory.sha256(id))
        .setParameter(2, user.get().id())
        .setParameter(3, sourceAddress)
        .executeUpdate();
    audit.record(
        new Actor(user.get().username(), sourceAddress),
        new AuditedChange("session.start", "user", user.get().username(), null, null));
    return Optional.of(id);
  }

  /** The enabled user of a live session; an expired session is removed on the way. */
  public Optional<AppUser> authenticate(String sessionId) {
    if (sessionId == null || sessionId.isBlank()) {
      return Optional.empty();
    }
    String hash = UserDirectory.sha256(sessionId);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT user_id, created_at, last_seen_at FROM console_session WHERE session_sha256 = ?1")
            .setParameter(1, hash)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = rows.get(0);
    OffsetDateTime now = OffsetDateTime.now();
    OffsetDateTime created = timestamp(row[1]);
    OffsetDateTime lastSeen = timestamp(row[2]);
    if (now.isAfter(created.plus(ABSOLUTE)) || now.isAfter(lastSeen.plus(IDLE))) {
      delete(hash);
      return Optional.empty();
    }
    if (now.isAfter(lastSeen.plus(TOUCH_EVERY))) {
      em.createNativeQuery(
              "UPDATE console_session SET last_seen_at = now() WHERE session_sha256 = ?1")
          .setParameter(1, hash)
          .executeUpdate();
    }
    AppUser user = em.find(AppUser.class, ((Number) row[0]).longValue());
    return Optional.ofNullable(user).filter(AppUser::enabled);
  }

  /** Ends the session on the server: its cookie is refused from now on, on every member. */
  public void signOut(String sessionId, Actor actor) {
    if (sessionId != null && delete(UserDirectory.sha256(sessionId)) > 0) {
      audit.record(actor, new AuditedChange("session.end", "user", actor.username(), null, null));
    }
  }

  private int delete(String hash) {
    return em.createNativeQuery("DELETE FROM console_session WHERE session_sha256 = ?1")
        .setParameter(1, hash)
        .executeUpdate();
  }

  private static OffsetDateTime timestamp(Object value) {
    if (value instanceof OffsetDateTime t) {
      return t;
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
    if (value instanceof java.time.Instant t) {
      return t.atOffset(java.time.ZoneOffset.UTC);
    }
    throw new IllegalStateException("unexpected timestamp type " + value.getClass());
  }
}
