package dev.zengate.gateway.trust.profile;

import org.bouncycastle.asn1.x509.Extension;

/** Every CA certificate, the root included, carries a subject key identifier (RFC 5280 4.2.1.2). */
final class SubjectKeyIdentifierPresentRule implements ProfileRule {

  @Override
  public String name() {
    return "ski-present";
  }

  @Override
  public String reference() {
    return "RFC 5280 4.2.1.2";
  }

  @Override
  public Relaxation relaxedBy() {
    return Relaxation.MISSING_KEY_IDENTIFIERS;
  }

  @Override
  public String violation(ProfilePath path) {
    for (int i = 0; i < path.size(); i++) {
      if (path.isCa(i) && !Extensions.has(path.certs().get(i), Extension.subjectKeyIdentifier)) {
        return path.describe(i) + " is a CA certificate without a subject key identifier";
      }
    }
    return null;
  }
}
