package dev.zengate.management.application;

import dev.zengate.management.domain.audit.Actor;
import dev.zengate.management.domain.audit.AuditedChange;
import dev.zengate.management.domain.certificate.CertificateOrigin;
import dev.zengate.management.domain.certificate.ChainOrder;
import dev.zengate.management.domain.certificate.CsrFactory;
import dev.zengate.management.domain.certificate.CsrRequest;
import dev.zengate.management.domain.certificate.KeyAndChain;
import dev.zengate.management.domain.certificate.KeyPairCheck;
import dev.zengate.management.domain.certificate.KeySpec;
import dev.zengate.management.domain.certificate.ManagedCertificate;
import dev.zengate.management.domain.certificate.PkiMaterial;
import dev.zengate.management.domain.certificate.SealedPrivateKey;
import dev.zengate.management.domain.shared.ConflictException;
import dev.zengate.management.domain.shared.InvalidInputException;
import dev.zengate.management.domain.shared.Message;
import dev.zengate.management.domain.shared.NotFoundException;
import dev.zengate.management.infrastructure.crypto.EnvelopeSealer;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Certificates and their private keys: import with every check done before anything is stored, key
 * pair + CSR generation and the matching of issued certificates, listing, deletion and the one
 * audited way a private key leaves the system (PKCS#12 export by an admin).
 */
@Stateless
public class CertificateService {

  /** Days before expiry from which an import warns. */
  static final int EXPIRY_WARNING_DAYS = 30;

  @Inject private CertificateUsage usage;
  @PersistenceContext private EntityManager em;
  @Inject private EnvelopeSealer sealer;
  @Inject private AuditTrail audit;
  @Inject private TrustStoreService trustStores;

  public ImportedCertificate importCertificate(Actor actor, CertificateUpload upload) {
    KeyAndChain material = read(upload);
    if (material.key() != null) {
      KeySpec.requireSupported(material.key());
    }
    List<X509Certificate> anchors =
        upload.trustStoreId() == null ? List.of() : trustStores.anchors(upload.trustStoreId());
    X509Certificate leaf = leafOf(material);
    if (material.key() != null) {
      KeySpec.of(leaf.getPublicKey());
    }
    List<X509Certificate> chain = ChainOrder.order(leaf, material.chain(), anchors);

    Optional<ManagedCertificate> existing = byFingerprint(leaf);
    if (existing.isPresent()) {
      throw ConflictException.at("certificates", "certificate.known", existing.get().id());
    }
    List<ManagedCertificate> stored = storeChain(chain, CertificateOrigin.IMPORTED);
    ManagedCertificate certificate = stored.get(0);
    if (material.key() != null) {
      storeKey(leaf.getPublicKey(), material.key()).attach(certificate);
    }
    em.flush();
    Map<String, Object> view = certificate.auditView();
    view.put("privateKey", material.key() != null ? "sealed" : "none");
    audit.record(
        actor,
        new AuditedChange(
            "certificate.import",
            "certificate",
            certificate.id().toString(),
            null,
            AuditJson.of(view)));
    return new ImportedCertificate(certificate, stored, material.key() != null, warnings(chain));
  }

  public SealedPrivateKey generateCsr(Actor actor, CsrRequest request) {
    CsrFactory.GeneratedCsr generated = CsrFactory.generate(request);
    SealedPrivateKey key = storeKey(generated.keys().getPublic(), generated.keys().getPrivate());
    key.forCsr(generated.csrPem(), generated.subject());
    em.flush();
    audit.record(
        actor,
        new AuditedChange(
            "csr.create",
            "private-key",
            key.id().toString(),
            null,
            AuditJson.of(
                Map.of(
                    "keyType", request.keySpec().label(),
                    "subject", generated.subject(),
                    "subjectAltNames", request.subjectAltNames()))));
    return key;
  }

  /**
   * Stores an issued certificate with the pending key it was requested for, found by public key.
   */
  public ImportedCertificate attachIssued(Actor actor, String certificates) {
    List<X509Certificate> uploaded = PkiMaterial.certificates("issuedCertificate", certificates);
    X509Certificate leaf = uploaded.get(0);
    SealedPrivateKey key =
        em.createNamedQuery("SealedPrivateKey.byPublicKey", SealedPrivateKey.class)
            .setParameter("hash", publicKeyHash(leaf.getPublicKey()))
            .getResultStream()
            .findFirst()
            .orElseThrow(
                () ->
                    InvalidInputException.at(
                        "issuedCertificate",
                        "certificate.noPendingKey",
                        leaf.getSubjectX500Principal().getName()));
    if (key.certificate() != null) {
      throw ConflictException.at(
          "issuedCertificate", "certificate.keyHasOne", key.certificate().id());
    }
    List<X509Certificate> chain = ChainOrder.order(leaf, uploaded, List.of());
    List<ManagedCertificate> stored = storeChain(chain, CertificateOrigin.CSR);
    key.attach(stored.get(0));
    em.flush();
    audit.record(
        actor,
        new AuditedChange(
            "certificate.issued",
            "certificate",
            stored.get(0).id().toString(),
            null,
            AuditJson.of(stored.get(0).auditView())));
    return new ImportedCertificate(stored.get(0), stored, true, warnings(chain));
  }

  public List<ManagedCertificate> search(
      String text, OffsetDateTime expiringBefore, int offset, int limit) {
    List<String> conditions = new ArrayList<>();
    if (text != null && !text.isBlank()) {
      conditions.add("(LOWER(c.subjectDn) LIKE :text OR LOWER(c.subjectAltNames) LIKE :text)");
    }
    if (expiringBefore != null) {
      conditions.add("c.notAfter < :expiringBefore");
    }
    var query =
        em.createQuery(
                "SELECT c FROM ManagedCertificate c"
                    + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                    + " ORDER BY c.notAfter, c.id",
                ManagedCertificate.class)
            .setFirstResult(offset)
            .setMaxResults(limit);
    if (text != null && !text.isBlank()) {
      query.setParameter("text", "%" + text.toLowerCase(Locale.ROOT) + "%");
    }
    if (expiringBefore != null) {
      query.setParameter("expiringBefore", expiringBefore);
    }
    return query.getResultList();
  }

  public ManagedCertificate get(long id) {
    ManagedCertificate certificate = em.find(ManagedCertificate.class, id);
    if (certificate == null) {
      throw new NotFoundException("certificate", id);
    }
    return certificate;
  }

  public Optional<SealedPrivateKey> keyOf(ManagedCertificate certificate) {
    return em.createNamedQuery("SealedPrivateKey.byCertificate", SealedPrivateKey.class)
        .setParameter("certificate", certificate)
        .getResultStream()
        .findFirst();
  }

  /** Which of these certificates have a private key here, in one query. */
  public Set<Long> withPrivateKey(List<ManagedCertificate> page) {
    if (page.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        em.createQuery(
                "SELECT k.certificate.id FROM SealedPrivateKey k WHERE k.certificate IN :page",
                Long.class)
            .setParameter("page", page)
            .getResultList());
  }

  public List<SealedPrivateKey> pendingKeys() {
    return em.createNamedQuery("SealedPrivateKey.pending", SealedPrivateKey.class).getResultList();
  }

  public SealedPrivateKey pendingKey(long id) {
    SealedPrivateKey key = em.find(SealedPrivateKey.class, id);
    if (key == null || key.csrPem() == null) {
      throw new NotFoundException("CSR", id);
    }
    return key;
  }

  public void delete(Actor actor, long id) {
    ManagedCertificate certificate = get(id);
    List<CertificateUsage.Use> uses = usage.of(id);
    if (!uses.isEmpty()) {
      throw ConflictException.at(
          null,
          "certificate.inUse",
          id,
          uses.stream()
              .map(
                  u ->
                      u.pairName() == null
                          ? new Message("certificate.use", u.kind(), u.name())
                          : new Message("certificate.useInPair", u.kind(), u.name(), u.pairName()))
              .toList());
    }
    Map<String, Object> before = certificate.auditView();
    keyOf(certificate).ifPresent(em::remove);
    em.remove(certificate);
    try {
      em.flush();
    } catch (PersistenceException e) {
      throw new ConflictException(
          "certificate " + id + " is still in use (by a listener, a trust store or as an issuer)");
    }
    audit.record(
        actor,
        new AuditedChange(
            "certificate.delete", "certificate", String.valueOf(id), AuditJson.of(before), null));
  }

  /** The certificate, its chain and its private key as PKCS#12, protected by the passphrase. */
  public byte[] exportPkcs12(Actor actor, long id, String passphrase) {
    if (passphrase == null || passphrase.length() < UserDirectory.MIN_PASSWORD_LENGTH) {
      throw InvalidInputException.at(
          "passphrase", "export.passphrase", UserDirectory.MIN_PASSWORD_LENGTH);
    }
    ManagedCertificate certificate = get(id);
    SealedPrivateKey key =
        keyOf(certificate)
            .orElseThrow(() -> InvalidInputException.at(null, "certificate.withoutKey", id));
    PrivateKey privateKey =
        Pkcs8.decode(sealer.open(key.sealed(), key.publicKeySha256()), key.keyAlgorithm());
    List<X509Certificate> chain =
        certificate.chain().stream().map(ManagedCertificate::x509).toList();
    byte[] pkcs12 = Pkcs12.write(privateKey, chain, passphrase.toCharArray());
    audit.record(
        actor,
        new AuditedChange(
            "key.export",
            "certificate",
            String.valueOf(id),
            null,
            AuditJson.of(Map.of("format", "PKCS#12"))));
    return pkcs12;
  }

  private KeyAndChain read(CertificateUpload upload) {
    char[] passphrase = upload.passphrase() == null ? null : upload.passphrase().toCharArray();
    boolean hasPkcs12 = upload.pkcs12() != null && !upload.pkcs12().isBlank();
    boolean hasCertificates = upload.certificates() != null && !upload.certificates().isBlank();
    if (hasPkcs12 == hasCertificates) {
      throw new InvalidInputException(
          "give either 'certificates' (PEM or base64 DER, with an optional 'privateKey') or 'pkcs12'");
    }
    if (hasPkcs12) {
      byte[] bytes;
      try {
        bytes = Base64.getMimeDecoder().decode(upload.pkcs12().trim());
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("pkcs12 is not base64");
      }
      return PkiMaterial.pkcs12("pkcs12", bytes, passphrase);
    }
    List<X509Certificate> certificates =
        PkiMaterial.certificates("certificates", upload.certificates());
    PrivateKey key =
        upload.privateKey() == null || upload.privateKey().isBlank()
            ? null
            : PkiMaterial.privateKey("privateKey", upload.privateKey(), passphrase);
    return new KeyAndChain(key, certificates);
  }

  private static X509Certificate leafOf(KeyAndChain material) {
    if (material.key() == null) {
      return material.chain().get(0);
    }
    return material.chain().stream()
        .filter(c -> KeyPairCheck.matches(c.getPublicKey(), material.key()))
        .findFirst()
        .orElseThrow(
            () ->
                InvalidInputException.at(
                    "privateKey",
                    material.chain().size() > 1 ? "key.matchesNoneOfChain" : "key.doesNotMatch",
                    material.chain().get(0).getSubjectX500Principal().getName()));
  }

  private List<ManagedCertificate> storeChain(
      List<X509Certificate> chain, CertificateOrigin leafOrigin) {
    List<ManagedCertificate> stored = new ArrayList<>();
    for (int i = 0; i < chain.size(); i++) {
      X509Certificate x509 = chain.get(i);
      ManagedCertificate certificate =
          byFingerprint(x509)
              .orElseGet(
                  () -> {
                    ManagedCertificate created =
                        new ManagedCertificate(
                            x509, stored.isEmpty() ? leafOrigin : CertificateOrigin.IMPORTED);
                    em.persist(created);
                    return created;
                  });
      if (i > 0 && stored.get(i - 1).issuer() == null) {
        stored.get(i - 1).issuedBy(certificate);
      }
      stored.add(certificate);
    }
    return stored;
  }

  private SealedPrivateKey storeKey(PublicKey publicKey, PrivateKey privateKey) {
    String hash = publicKeyHash(publicKey);
    boolean known =
        em.createNamedQuery("SealedPrivateKey.byPublicKey", SealedPrivateKey.class)
            .setParameter("hash", hash)
            .getResultStream()
            .findAny()
            .isPresent();
    if (known) {
      throw ConflictException.at("privateKey", "key.known");
    }
    SealedPrivateKey key =
        new SealedPrivateKey(
            hash, KeySpec.of(publicKey), sealer.seal(privateKey.getEncoded(), hash));
    em.persist(key);
    return key;
  }

  private Optional<ManagedCertificate> byFingerprint(X509Certificate certificate) {
    try {
      return em.createNamedQuery("ManagedCertificate.byFingerprint", ManagedCertificate.class)
          .setParameter("fingerprint", ManagedCertificate.fingerprint(certificate.getEncoded()))
          .getResultStream()
          .findFirst();
    } catch (CertificateEncodingException e) {
      throw new InvalidInputException("a certificate cannot be re-encoded: " + e.getMessage());
    }
  }

  static String publicKeyHash(PublicKey key) {
    return ManagedCertificate.fingerprint(key.getEncoded());
  }

  private static List<String> warnings(List<X509Certificate> chain) {
    List<String> warnings = new ArrayList<>();
    OffsetDateTime now = OffsetDateTime.now();
    for (X509Certificate c : chain) {
      OffsetDateTime notAfter = c.getNotAfter().toInstant().atOffset(java.time.ZoneOffset.UTC);
      OffsetDateTime notBefore = c.getNotBefore().toInstant().atOffset(java.time.ZoneOffset.UTC);
      String subject = c.getSubjectX500Principal().getName();
      if (now.isAfter(notAfter)) {
        warnings.add("certificate " + subject + " expired on " + notAfter.toLocalDate());
      } else if (now.plusDays(EXPIRY_WARNING_DAYS).isAfter(notAfter)) {
        warnings.add("certificate " + subject + " expires on " + notAfter.toLocalDate());
      } else if (now.isBefore(notBefore)) {
        warnings.add("certificate " + subject + " is not valid before " + notBefore.toLocalDate());
      }
    }
    return warnings;
  }
}
