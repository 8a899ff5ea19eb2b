package dev.zengate.management.application;

import dev.zengate.bundle.PublicKeys;
import dev.zengate.management.domain.bundle.BundleSigningKey;
import dev.zengate.management.domain.certificate.SealedSecret;
import dev.zengate.management.infrastructure.crypto.EnvelopeSealer;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;

/**
 * The bundle-signing key, created on first use and then loaded from the database (so every
 * management server of a cluster signs with the same key, and a restart keeps it).
 */
@Singleton
@Lock(LockType.READ)
public class BundleSigningKeys {

  private static final String PURPOSE = "bundle-signing";

  @PersistenceContext private EntityManager em;
  @Inject private EnvelopeSealer sealer;

  private volatile KeyPair cached;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public KeyPair current() {
    KeyPair keys = cached;
    if (keys == null) {
      BundleSigningKey stored = load();
      if (stored == null) {
        createIfAbsent();
        stored = load();
      }
      keys = open(stored);
      cached = keys;
    }
    return keys;
  }

  public String fingerprint() {
    return PublicKeys.fingerprint(current().getPublic());
  }

  private BundleSigningKey load() {
    List<BundleSigningKey> found =
        em.createQuery(
                "SELECT k FROM BundleSigningKey k WHERE k.purpose = :purpose",
                BundleSigningKey.class)
            .setParameter("purpose", PURPOSE)
            .getResultList();
    return found.isEmpty() ? null : found.get(0);
  }

  /** A concurrent creator on another server wins quietly: the unique purpose keeps one key. */
  private void createIfAbsent() {
    KeyPair generated;
    try {
      generated = KeyPairGenerator.getInstance(PublicKeys.SIGNING_ALGORITHM).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 unavailable in this JDK", e);
    }
    String fingerprint = PublicKeys.fingerprint(generated.getPublic());
    SealedSecret sealed = sealer.seal(generated.getPrivate().getEncoded(), context(fingerprint));
    em.createNativeQuery(
            "INSERT INTO bundle_signing_key (purpose, fingerprint, public_key, master_key_id,"
                + " wrapped_data_key, sealed_key) VALUES (?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (purpose) DO NOTHING")
        .setParameter(1, PURPOSE)
        .setParameter(2, fingerprint)
        .setParameter(3, PublicKeys.encode(generated.getPublic()))
        .setParameter(4, sealed.masterKeyId())
        .setParameter(5, sealed.wrappedDataKey())
        .setParameter(6, sealed.ciphertext())
        .executeUpdate();
  }

  private KeyPair open(BundleSigningKey stored) {
    byte[] pkcs8 = sealer.open(stored.sealed(), context(stored.fingerprint()));
    return new KeyPair(
        PublicKeys.decode(PublicKeys.SIGNING_ALGORITHM, stored.publicKey()),
        PublicKeys.decodePrivate(PublicKeys.SIGNING_ALGORITHM, pkcs8));
  }

  private static String context(String fingerprint) {
    return "bundle-signing-key " + fingerprint;
  }
}
