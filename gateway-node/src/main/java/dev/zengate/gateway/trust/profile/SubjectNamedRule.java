package dev.zengate.gateway.trust.profile;

import org.bouncycastle.asn1.x509.Extension;

/**
 * A certificate names its subject: a non-empty subject DN, or else a critical subject alternative
 * name extension (RFC 5280 4.1.2.6).
 */
final class SubjectNamedRule implements StructureRule {

  @Override
  public String name() {
    return "subject-named";
  }

  @Override
  public String reference() {
    return "RFC 5280 4.1.2.6";
  }

  @Override
  public String violation(RawCertificate cert) {
    if (cert.subject().getRDNs().length > 0) {
      return null;
    }
    int san = cert.extensionOids().indexOf(Extension.subjectAlternativeName);
    if (san < 0) {
      return "its subject is empty and it has no subject alternative name";
    }
    return cert.extensionCritical().get(san)
        ? null
        : "its subject is empty and its subject alternative name is not critical";
  }
}
