package dev.zengate.gateway.trust.profile;

import dev.zengate.gateway.trust.Purpose;
import dev.zengate.gateway.trust.RejectionKind;
import org.bouncycastle.asn1.x509.Extension;

/** A server certificate's extended key usage is not critical (CA/B BR 7.1.2.7.6). */
final class ServerLeafEkuNonCriticalRule implements ProfileRule {

  @Override
  public String name() {
    return "leaf-eku-non-critical";
  }

  @Override
  public String reference() {
    return "CA/B BR 7.1.2.7.6";
  }

  @Override
  public RejectionKind kind() {
    return RejectionKind.EXTENDED_KEY_USAGE;
  }

  @Override
  public String violation(ProfilePath path) {
    if (path.purpose() != Purpose.SERVER
        || !Extensions.isCritical(path.leaf(), Extension.extendedKeyUsage)) {
      return null;
    }
    return path.describe(0) + " marks its extended key usage critical";
  }
}
