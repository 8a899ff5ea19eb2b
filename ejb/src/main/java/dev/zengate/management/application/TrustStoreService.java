package dev.zengate.management.application;

import dev.zengate.management.domain.audit.Actor;
import dev.zengate.management.domain.audit.AuditedChange;
import dev.zengate.management.domain.certificate.CertificateOrigin;
import dev.zengate.management.domain.certificate.ManagedCertificate;
import dev.zengate.management.domain.certificate.PkiMaterial;
import dev.zengate.management.domain.shared.ConflictException;
import dev.zengate.management.domain.shared.InvalidInputException;
import dev.zengate.management.domain.shared.NotFoundException;
import dev.zengate.management.domain.trust.TrustStore;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

/** Trust stores: named sets of CA certificates, each change audited. */
@Stateless
public class TrustStoreService {

  @PersistenceContext private EntityManager em;
  @Inject private AuditTrail audit;

  public List<TrustStore> list() {
    return em.createNamedQuery("TrustStore.all", TrustStore.class).getResultList();
  }

  public TrustStore get(long id) {
    TrustStore store = em.find(TrustStore.class, id);
    if (store == null) {
      throw new NotFoundException("trust store", id);
    }
    return store;
  }

  public List<X509Certificate> anchors(long id) {
    return get(id).certificates().stream().map(ManagedCertificate::x509).toList();
  }

  public TrustStore create(Actor actor, String name, String description, String caCertificates) {
    TrustStore store = new TrustStore(name, description);
    boolean taken =
        em.createNamedQuery("TrustStore.byName", TrustStore.class)
            .setParameter("name", name)
            .getResultStream()
            .findAny()
            .isPresent();
    if (taken) {
      throw ConflictException.at("name", "trustStore.nameTaken", name);
    }
    if (caCertificates != null && !caCertificates.isBlank()) {
      addAll(store, caCertificates);
    }
    em.persist(store);
    em.flush();
    audit.record(
        actor,
        new AuditedChange(
            "trust-store.create",
            "trust-store",
            store.id().toString(),
            null,
            AuditJson.of(store.auditView())));
    return store;
  }

  public TrustStore addCertificates(
      Actor actor, long id, long expectedVersion, String caCertificates) {
    TrustStore store = get(id);
    store.requireVersion(expectedVersion, "trust store", id);
    Map<String, Object> before = store.auditView();
    addAll(store, caCertificates);
    em.flush();
    audit.record(
        actor,
        new AuditedChange(
            "trust-store.update",
            "trust-store",
            store.id().toString(),
            AuditJson.of(before),
            AuditJson.of(store.auditView())));
    return store;
  }

  public TrustStore removeCertificate(
      Actor actor, long id, long expectedVersion, long certificateId) {
    TrustStore store = get(id);
    store.requireVersion(expectedVersion, "trust store", id);
    Map<String, Object> before = store.auditView();
    ManagedCertificate certificate = em.find(ManagedCertificate.class, certificateId);
    if (certificate == null || !store.remove(certificate)) {
      throw new NotFoundException("certificate", certificateId + " in trust store " + id);
    }
    em.flush();
    audit.record(
        actor,
        new AuditedChange(
            "trust-store.update",
            "trust-store",
            store.id().toString(),
            AuditJson.of(before),
            AuditJson.of(store.auditView())));
    return store;
  }

  public void delete(Actor actor, long id, long expectedVersion) {
    TrustStore store = get(id);
    store.requireVersion(expectedVersion, "trust store", id);
    Map<String, Object> before = store.auditView();
    em.remove(store);
    try {
      em.flush();
    } catch (PersistenceException e) {
      throw ConflictException.at(null, "trustStore.inUse", id);
    }
    audit.record(
        actor,
        new AuditedChange(
            "trust-store.delete", "trust-store", String.valueOf(id), AuditJson.of(before), null));
  }

  private void addAll(TrustStore store, String caCertificates) {
    for (X509Certificate x509 : PkiMaterial.certificates("caCertificates", caCertificates)) {
      if (x509.getBasicConstraints() < 0) {
        throw new InvalidInputException(
            "certificate "
                + x509.getSubjectX500Principal().getName()
                + " is not a CA certificate (no basicConstraints CA:TRUE); a trust store holds CAs");
      }
      store.add(stored(x509));
    }
  }

  private ManagedCertificate stored(X509Certificate x509) {
    try {
      String fingerprint = ManagedCertificate.fingerprint(x509.getEncoded());
      return em.createNamedQuery("ManagedCertificate.byFingerprint", ManagedCertificate.class)
          .setParameter("fingerprint", fingerprint)
          .getResultStream()
          .findFirst()
          .orElseGet(
              () -> {
                ManagedCertificate created =
                    new ManagedCertificate(x509, CertificateOrigin.IMPORTED);
                em.persist(created);
                return created;
              });
    } catch (CertificateEncodingException e) {
      throw new InvalidInputException("a certificate cannot be re-encoded: " + e.getMessage());
    }
  }
}
