package dev.zengate.management.application;

import dev.zengate.management.domain.audit.Actor;
import dev.zengate.management.domain.audit.AuditedChange;
import dev.zengate.management.domain.shared.ConflictException;
import dev.zengate.management.domain.shared.InvalidInputException;
import dev.zengate.management.domain.shared.NotFoundException;
import dev.zengate.management.domain.shared.TooManyAttemptsException;
import dev.zengate.management.domain.user.ApiToken;
import dev.zengate.management.domain.user.AppUser;
import dev.zengate.management.domain.user.Role;
import dev.zengate.management.infrastructure.security.PasswordHasher;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Users, their passwords and API tokens: who may log in, and as what. */
@Stateless
public class UserDirectory {

  static final int MIN_PASSWORD_LENGTH = 12;

  @PersistenceContext private EntityManager em;
  @Inject private PasswordHasher hasher;
  @Inject private AuditTrail audit;
  @Inject private LoginThrottle throttle;
  @Inject private ApiTokens tokens;

  /** The user with this name and password, if enabled; a failed attempt is audited. */
  public Optional<AppUser> authenticate(String username, String password, String sourceAddress) {
    String name = username == null ? "" : username;
    long wait = throttle.admit(name, sourceAddress);
    if (wait > 0) {
      auditFailure(name, sourceAddress, throttle.refused(name, sourceAddress));
      throw new TooManyAttemptsException(
          "too many failed sign-ins for this user name or from this address: try again in "
              + wait
              + " s",
          wait);
    }
    if (name.length() > AppUser.MAX_USERNAME_LENGTH) {
      // No user can have this name: no lookup, no password check.
      auditFailure(name, sourceAddress, throttle.failed(name, sourceAddress));
      return Optional.empty();
    }
    Optional<AppUser> user = byName(name).filter(AppUser::enabled);
    boolean matches =
        user.isPresent()
            ? hasher.matches(password, user.get().passwordHash())
            // Same work for unknown users, so timing does not tell which names exist.
            : hasher.matches(password, hasher.dummyHash());
    if (!matches) {
      auditFailure(name, sourceAddress, throttle.failed(name, sourceAddress));
      return Optional.empty();
    }
    throttle.succeeded(name, sourceAddress);
    return user;
  }

  /** The first failure of a name and address in a window gets a row; the rest a summary. */
  private void auditFailure(String name, String sourceAddress, boolean ownRow) {
    if (ownRow) {
      audit.recordIndependently(
          new Actor(name.isBlank() ? "(none)" : name, sourceAddress),
          new AuditedChange("login.failed", "user", name, null, null));
    }
  }

  /** The user a valid, unexpired API token belongs to; the token's last use is noted. */
  public Optional<AppUser> authenticateToken(String token) {
    OffsetDateTime now = OffsetDateTime.now();
    Optional<ApiToken> valid =
        em.createNamedQuery("ApiToken.byHash", ApiToken.class)
            .setParameter("hash", sha256(token))
            .getResultStream()
            .filter(t -> t.validAt(now))
            .findFirst();
    valid.ifPresent(t -> t.usedAt(now));
    return valid.map(ApiToken::user);
  }

  public AppUser create(Actor actor, String username, String password, Role role) {
    requireStrongPassword(password);
    if (byName(username).isPresent()) {
      throw ConflictException.at("username", "user.nameTaken", username);
    }
    AppUser user = new AppUser(username, hasher.hash(password), role);
    em.persist(user);
    em.flush();
    audit.record(
        actor,
        new AuditedChange("user.create", "user", username, null, AuditJson.of(user.auditView())));
    return user;
  }

  public AppUser update(
      Actor actor,
      String username,
      long expectedVersion,
      Role role,
      Boolean enabled,
      String password) {
    AppUser user = byName(username).orElseThrow(() -> new NotFoundException("user", username));
    user.requireVersion(expectedVersion, "user", username);
    Map<String, Object> before = user.auditView();
    if (role != null) {
      user.changeRole(role);
    }
    if (enabled != null) {
      user.setEnabled(enabled);
    }
    if (password != null) {
      requireStrongPassword(password);
      user.changePasswordHash(hasher.hash(password));
    }
    em.flush();
    Map<String, Object> after = user.auditView();
    if (password != null) {
      after.put("password", "changed");
    }
    if (password != null || Boolean.FALSE.equals(enabled)) {
      // A reset password or a disabled user means the old credentials may be in the wrong hands.
      after.put("apiTokensRevoked", tokens.revokeAllOf(user));
    }
    audit.record(
        actor,
        new AuditedChange(
            "user.update", "user", username, AuditJson.of(before), AuditJson.of(after)));
    return user;
  }

  public List<AppUser> all() {
    return em.createNamedQuery("AppUser.all", AppUser.class).getResultList();
  }

  public AppUser get(String username) {
    return byName(username).orElseThrow(() -> new NotFoundException("user", username));
  }

  /** Creates the first admin at first start, when no user exists yet. */
  public boolean createFirstAdminIfNone(String password) {
    long users = em.createNamedQuery("AppUser.count", Long.class).getSingleResult();
    if (users > 0) {
      return false;
    }
    create(Actor.system(), "admin", password, Role.ADMIN);
    return true;
  }

  private Optional<AppUser> byName(String username) {
    if (username == null) {
      return Optional.empty();
    }
    return em.createNamedQuery("AppUser.byName", AppUser.class)
        .setParameter("name", username)
        .getResultStream()
        .findFirst();
  }

  private static void requireStrongPassword(String password) {
    if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
      throw InvalidInputException.at("password", "user.passwordTooShort", MIN_PASSWORD_LENGTH);
    }
  }

  static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
