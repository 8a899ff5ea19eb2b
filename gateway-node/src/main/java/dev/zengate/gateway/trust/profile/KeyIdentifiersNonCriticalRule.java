package dev.zengate.gateway.trust.profile;

import org.bouncycastle.asn1.x509.Extension;

/** Key identifier extensions are never critical (RFC 5280 4.2.1.1 and 4.2.1.2). */
final class KeyIdentifiersNonCriticalRule implements ProfileRule {

  @Override
  public String name() {
    return "key-identifiers-non-critical";
  }

  @Override
  public String reference() {
    return "RFC 5280 4.2.1.1, 4.2.1.2";
  }

  @Override
  public String violation(ProfilePath path) {
    for (int i = 0; i < path.size(); i++) {
      var cert = path.certs().get(i);
      if (Extensions.isCritical(cert, Extension.authorityKeyIdentifier)) {
        return path.describe(i) + " marks its authority key identifier critical";
      }
      if (Extensions.isCritical(cert, Extension.subjectKeyIdentifier)) {
        return path.describe(i) + " marks its subject key identifier critical";
      }
    }
    return null;
  }
}
