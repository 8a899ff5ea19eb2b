package dev.zengate.gateway.trust.profile;

import dev.zengate.gateway.trust.Purpose;
import dev.zengate.gateway.trust.RejectionKind;

/**
 * A server certificate states serverAuth in an extended key usage extension (CA/B BR 7.1.2.7.6).
 * RFC 5280 reads a missing extension as "any purpose", which is why a client certificate may omit
 * it: banks' client certificates often do, and no profile the gateway follows requires it there.
 */
final class ServerLeafEkuPresentRule implements ProfileRule {

  @Override
  public String name() {
    return "leaf-eku-present";
  }

  @Override
  public String reference() {
    return "CA/B BR 7.1.2.7.6";
  }

  @Override
  public Relaxation relaxedBy() {
    return Relaxation.LEAF_WITHOUT_EKU;
  }

  @Override
  public RejectionKind kind() {
    return RejectionKind.EXTENDED_KEY_USAGE;
  }

  @Override
  public String violation(ProfilePath path) {
    if (path.purpose() != Purpose.SERVER || Extensions.extendedKeyUsage(path.leaf()) != null) {
      return null;
    }
    return path.describe(0)
        + " has no extended key usage; a server certificate must list serverAuth";
  }
}
