package dev.zengate.gateway.trust.profile;

import org.bouncycastle.asn1.x509.Extension;

/** Intermediate CAs mark basic constraints critical (RFC 5280 4.2.1.9); no relaxation. */
final class IntermediateBasicConstraintsCriticalRule implements ProfileRule {

  @Override
  public String name() {
    return "ca-basic-constraints-critical";
  }

  @Override
  public String reference() {
    return "RFC 5280 4.2.1.9";
  }

  @Override
  public String violation(ProfilePath path) {
    for (int i = 1; i < path.size() - 1; i++) {
      if (!Extensions.isCritical(path.certs().get(i), Extension.basicConstraints)) {
        return path.describe(i) + " has non-critical basic constraints";
      }
    }
    return null;
  }
}
