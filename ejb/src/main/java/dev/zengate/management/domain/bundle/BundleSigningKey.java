package dev.zengate.management.domain.bundle;

import dev.zengate.management.domain.certificate.SealedSecret;
import dev.zengate.management.domain.certificate.SealedUnderMasterKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A key of the management cluster itself, one per purpose: the Ed25519 key that signs every
 * configuration bundle ({@code bundle-signing}; nodes pin its public key at enrollment) and the
 * node-channel CA ({@code node-channel-ca}, with its certificate). Private keys are sealed under
 * the master key like every private key here.
 */
@Entity
@Table(name = "bundle_signing_key")
public class BundleSigningKey implements SealedUnderMasterKey {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String purpose;

  @Column(nullable = false)
  private String fingerprint;

  @Column(name = "public_key", nullable = false)
  private String publicKey;

  @Column(name = "master_key_id", nullable = false)
  private String masterKeyId;

  @Column(name = "wrapped_data_key", nullable = false)
  private byte[] wrappedDataKey;

  @Column(name = "sealed_key", nullable = false)
  private byte[] sealedKey;

  /** The self-signed certificate (PEM) of a CA key (the node-channel CA); null otherwise. */
  @Column(name = "certificate")
  private String certificate;

  public String certificate() {
    return certificate;
  }

  public String fingerprint() {
    return fingerprint;
  }

  public String publicKey() {
    return publicKey;
  }

  @Override
  public SealedSecret sealed() {
    return new SealedSecret(masterKeyId, wrappedDataKey, sealedKey);
  }

  @Override
  public void reseal(SealedSecret sealed) {
    this.masterKeyId = sealed.masterKeyId();
    this.wrappedDataKey = sealed.wrappedDataKey();
    this.sealedKey = sealed.ciphertext();
  }
}
