package dev.zengate.management.application;

import dev.zengate.management.domain.notification.NotificationSecret;
import dev.zengate.management.domain.shared.InvalidInputException;
import dev.zengate.management.infrastructure.crypto.EnvelopeSealer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;

/** Seals, opens and replaces the channels' secrets, in the caller's transaction. */
@ApplicationScoped
public class NotificationSecrets {

  /** A webhook's HMAC key: long enough not to be guessed from signatures. */
  static final int MIN_WEBHOOK_SECRET = 16;

  @PersistenceContext private EntityManager em;
  @Inject private EnvelopeSealer sealer;

  /**
   * The secret id a setting keeps after a change: {@code given} replaces the stored one, null keeps
   * it, and a setting that no longer needs one ({@code needed} false) has none. The caller stores
   * the answer, then {@link #forget}s the old one.
   */
  Long replace(Long storedId, String given, boolean needed, String purpose) {
    if (!needed) {
      return null;
    }
    if (given == null || given.isEmpty()) {
      return storedId;
    }
    NotificationSecret secret =
        new NotificationSecret(
            purpose, sealer.seal(given.getBytes(StandardCharsets.UTF_8), purpose));
    em.persist(secret);
    em.flush();
    return secret.id();
  }

  /** Checks a webhook secret as given ({@code field} names it); null: keep the stored one. */
  static void checkWebhookSecret(String field, String given, Long storedId, boolean urlSet) {
    if (!urlSet) {
      return;
    }
    if (given != null && !given.isEmpty() && given.length() < MIN_WEBHOOK_SECRET) {
      throw new InvalidInputException(
          field + ": the shared secret must have at least " + MIN_WEBHOOK_SECRET + " characters");
    }
    if ((given == null || given.isEmpty()) && storedId == null) {
      throw new InvalidInputException(
          field + ": a webhook needs a shared secret to sign its requests with");
    }
  }

  byte[] open(Long id) {
    if (id == null) {
      return null;
    }
    NotificationSecret secret = em.find(NotificationSecret.class, id);
    if (secret == null) {
      return null;
    }
    return sealer.open(secret.sealed(), secret.purpose());
  }

  /** Deletes a secret no setting names any more ({@code old} unless it is {@code kept}). */
  void forget(Long old, Long kept) {
    if (old != null && !old.equals(kept)) {
      em.flush();
      NotificationSecret secret = em.find(NotificationSecret.class, old);
      if (secret != null) {
        em.remove(secret);
      }
    }
  }
}
