package dev.zengate.management.application;

import dev.zengate.management.domain.audit.Actor;
import dev.zengate.management.domain.audit.AuditedChange;
import dev.zengate.management.domain.certificate.SealedUnderMasterKey;
import dev.zengate.management.infrastructure.crypto.EnvelopeSealer;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The second half of a master-key rotation: every secret sealed under the master key gets its data
 * key wrapped by the current master key, in one transaction (all or nothing), so that the previous
 * key can be dropped from {@code ZENGATE_MASTER_KEY_PREVIOUS} afterwards. A new kind of sealed
 * secret is added to {@link #SEALED}, or a rotation would leave it behind.
 */
@Stateless
public class MasterKeyRotation {

  /** Everything that implements {@link SealedUnderMasterKey}: JPQL entity name, what to call it. */
  static final Map<String, String> SEALED =
      Map.of(
          "SealedPrivateKey",
          "privateKeys",
          "BundleSigningKey",
          "managementKeys",
          "NotificationSecret",
          "notificationSecrets");

  @PersistenceContext private EntityManager em;
  @Inject private EnvelopeSealer sealer;
  @Inject private AuditTrail audit;

  /** Re-wraps everything; returns how many secrets of each kind. */
  public Map<String, Integer> rewrapAll(Actor actor) {
    Map<String, Integer> counts = new TreeMap<>();
    for (String entity : SEALED.keySet()) {
      List<SealedUnderMasterKey> sealed =
          em.createQuery("SELECT s FROM " + entity + " s", SealedUnderMasterKey.class)
              .getResultList();
      for (SealedUnderMasterKey secret : sealed) {
        secret.reseal(sealer.rewrap(secret.sealed()));
      }
      counts.put(SEALED.get(entity), sealed.size());
    }
    em.flush();
    audit.record(
        actor,
        new AuditedChange(
            "master-key.rewrap",
            "master-key",
            "",
            null,
            AuditJson.of(new LinkedHashMap<>(counts))));
    return counts;
  }
}
