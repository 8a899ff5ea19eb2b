package dev.zengate.management.domain.certificate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A private key as stored: sealed under a data key that is itself wrapped by a master key kept
 * outside the database. Without a certificate it is pending — generated for a CSR, waiting for the
 * issued certificate, which is matched to it by public key.
 */
@Entity
@Table(name = "private_key")
@NamedQuery(
    name = "SealedPrivateKey.byPublicKey",
    query = "SELECT k FROM SealedPrivateKey k WHERE k.publicKeySha256 = :hash")
@NamedQuery(
    name = "SealedPrivateKey.byCertificate",
    query = "SELECT k FROM SealedPrivateKey k WHERE k.certificate = :certificate")
@NamedQuery(
    name = "SealedPrivateKey.pending",
    query = "SELECT k FROM SealedPrivateKey k WHERE k.certificate IS NULL ORDER BY k.id")
@NamedQuery(name = "SealedPrivateKey.all", query = "SELECT k FROM SealedPrivateKey k ORDER BY k.id")
public class SealedPrivateKey implements SealedUnderMasterKey {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "public_key_sha256", nullable = false)
  private String publicKeySha256;

  @Column(name = "key_algorithm", nullable = false)
  private String keyAlgorithm;

  @Column(name = "key_size", nullable = false)
  private int keySize;

  @OneToOne
  @JoinColumn(name = "certificate_id")
  private ManagedCertificate certificate;

  @Column(name = "csr_pem")
  private String csrPem;

  @Column(name = "csr_subject")
  private String csrSubject;

  @Column(name = "master_key_id", nullable = false)
  private String masterKeyId;

  @Column(name = "wrapped_data_key", nullable = false)
  private byte[] wrappedDataKey;

  @Column(name = "sealed_key", nullable = false)
  private byte[] sealedKey;

  @Version private long version;

  protected SealedPrivateKey() {}

  public SealedPrivateKey(String publicKeySha256, KeySpec spec, SealedSecret sealed) {
    this.publicKeySha256 = publicKeySha256;
    this.keyAlgorithm = spec.algorithm();
    this.keySize = spec.size();
    reseal(sealed);
  }

  public void forCsr(String pem, String subject) {
    this.csrPem = pem;
    this.csrSubject = subject;
  }

  public void attach(ManagedCertificate issued) {
    this.certificate = issued;
  }

  @Override
  public final void reseal(SealedSecret sealed) {
    this.masterKeyId = sealed.masterKeyId();
    this.wrappedDataKey = sealed.wrappedDataKey();
    this.sealedKey = sealed.ciphertext();
  }

  @Override
  public SealedSecret sealed() {
    return new SealedSecret(masterKeyId, wrappedDataKey, sealedKey);
  }

  public Long id() {
    return id;
  }

  public String publicKeySha256() {
    return publicKeySha256;
  }

  public String keyAlgorithm() {
    return keyAlgorithm;
  }

  public int keySize() {
    return keySize;
  }

  public ManagedCertificate certificate() {
    return certificate;
  }

  public String csrPem() {
    return csrPem;
  }

  public String csrSubject() {
    return csrSubject;
  }

  public String masterKeyId() {
    return masterKeyId;
  }

  public long version() {
    return version;
  }
}
