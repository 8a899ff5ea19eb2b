package dev.zengate.gateway.trust.profile;

import dev.zengate.gateway.trust.RejectionKind;

/**
 * The peer's own certificate is an end entity, not a CA (CA/B BR 7.1.2.7.8; RFC 5280 4.2.1.9 lets a
 * CA key sign only certificates and CRLs in a strict reading). A pinned self-signed certificate is
 * exempt: the operator trusted exactly that certificate.
 */
final class LeafNotCaRule implements ProfileRule {

  @Override
  public String name() {
    return "leaf-not-ca";
  }

  @Override
  public String reference() {
    return "CA/B BR 7.1.2.7.8";
  }

  @Override
  public RejectionKind kind() {
    return RejectionKind.NOT_A_CA;
  }

  @Override
  public String violation(ProfilePath path) {
    if (path.pinned() || path.leaf().getBasicConstraints() < 0) {
      return null;
    }
    return path.describe(0) + " is a CA certificate (cA is TRUE) presented as an end entity";
  }
}
