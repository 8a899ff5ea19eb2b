package dev.zengate.management.application;

import dev.zengate.bundle.PublicKeys;
import dev.zengate.management.domain.bundle.BundleSigningKey;
import dev.zengate.management.domain.certificate.SealedSecret;
import dev.zengate.management.infrastructure.channel.ChannelCertificates;
import dev.zengate.management.infrastructure.crypto.EnvelopeSealer;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The cluster's node-channel CA: made once by the first member that needs it (a concurrent creator
 * on another member loses quietly), its key sealed in PostgreSQL, so every member issues and trusts
 * the same certificates. It issues each member's server certificate at start and each node's client
 * certificate at enrollment.
 */
@Singleton
@Lock(LockType.READ)
public class NodeChannelCa {

  private static final String PURPOSE = "node-channel-ca";

  /** The CA key with its certificate. */
  public record Authority(KeyPair keys, X509Certificate certificate) {
    public String certificatePem() {
      return ChannelCertificates.pem(certificate);
    }
  }

  @PersistenceContext private EntityManager em;
  @Inject private EnvelopeSealer sealer;

  private volatile Authority cached;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Authority current() {
    Authority authority = cached;
    if (authority == null) {
      BundleSigningKey stored = load();
      if (stored == null) {
        createIfAbsent();
        stored = load();
      }
      authority = open(stored);
      cached = authority;
    }
    return authority;
  }

  /** A client certificate (PEM) for an enrolled node's channel key. */
  public String issueNodeCertificate(PublicKey channelKey, long nodeId, String nodeName) {
    Authority ca = current();
    return ChannelCertificates.pem(
        ChannelCertificates.node(
            ca.certificate(), ca.keys().getPrivate(), channelKey, nodeId, nodeName));
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

  private void createIfAbsent() {
    KeyPair generated = ChannelCertificates.newKey();
    String fingerprint = PublicKeys.fingerprint(generated.getPublic());
    X509Certificate certificate =
        ChannelCertificates.selfSignedCa(
            generated, "Zengate node-channel CA " + fingerprint.substring(0, 16));
    SealedSecret sealed = sealer.seal(generated.getPrivate().getEncoded(), context(fingerprint));
    em.createNativeQuery(
            "INSERT INTO bundle_signing_key (purpose, fingerprint, public_key, master_key_id,"
                + " wrapped_data_key, sealed_key, certificate) VALUES (?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (purpose) DO NOTHING")
        .setParameter(1, PURPOSE)
        .setParameter(2, fingerprint)
        .setParameter(3, PublicKeys.encode(generated.getPublic()))
        .setParameter(4, sealed.masterKeyId())
        .setParameter(5, sealed.wrappedDataKey())
        .setParameter(6, sealed.ciphertext())
        .setParameter(7, ChannelCertificates.pem(certificate))
        .executeUpdate();
  }

  private Authority open(BundleSigningKey stored) {
    byte[] pkcs8 = sealer.open(stored.sealed(), context(stored.fingerprint()));
    KeyPair keys =
        new KeyPair(
            PublicKeys.decode(PublicKeys.CHANNEL_ALGORITHM, stored.publicKey()),
            PublicKeys.decodePrivate(PublicKeys.CHANNEL_ALGORITHM, pkcs8));
    try {
      X509Certificate certificate =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(
                      new ByteArrayInputStream(
                          stored.certificate().getBytes(StandardCharsets.US_ASCII)));
      return new Authority(keys, certificate);
    } catch (CertificateException | RuntimeException e) {
      throw new IllegalStateException("the stored node-channel CA certificate is unreadable", e);
    }
  }

  private static String context(String fingerprint) {
    return "node-channel-ca " + fingerprint;
  }
}
