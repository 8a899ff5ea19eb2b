package dev.zengate.management.interfaces.rest.dto;

import dev.zengate.management.domain.certificate.ManagedCertificate;
import java.time.OffsetDateTime;
import java.util.List;

/** A certificate as the API shows it. Never a private key: only whether one is held. */
public record CertificateView(
    long id,
    String sha256Fingerprint,
    String subject,
    String issuer,
    String serialNumber,
    OffsetDateTime notBefore,
    OffsetDateTime notAfter,
    long daysLeft,
    boolean expired,
    String keyAlgorithm,
    int keySize,
    List<String> subjectAltNames,
    boolean ca,
    String origin,
    Long issuerCertificateId,
    boolean hasPrivateKey) {

  public static CertificateView of(ManagedCertificate c, boolean hasPrivateKey) {
    OffsetDateTime now = OffsetDateTime.now();
    return new CertificateView(
        c.id(),
        c.sha256Fingerprint(),
        c.subjectDn(),
        c.issuerDn(),
        c.serialNumber(),
        c.notBefore(),
        c.notAfter(),
        c.daysLeftAt(now),
        c.expiredAt(now),
        c.keyAlgorithm(),
        c.keySize(),
        c.subjectAltNameList(),
        c.ca(),
        c.origin().name(),
        c.issuer() == null ? null : c.issuer().id(),
        hasPrivateKey);
  }
}
