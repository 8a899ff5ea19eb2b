package dev.zengate.gateway.trust.profile;

import dev.zengate.gateway.trust.RejectionKind;
import org.bouncycastle.asn1.x509.Extension;

/**
 * Name constraints belong in CA certificates only (RFC 5280 4.2.1.10: "MUST be used only in a CA
 * certificate"). Honouring them in an end entity would mean nothing (nothing follows it in the
 * path); ignoring them would accept a certificate its issuer made wrongly. Strict: reject.
 */
final class NameConstraintsInCaOnlyRule implements ProfileRule {

  @Override
  public String name() {
    return "name-constraints-in-ca-only";
  }

  @Override
  public String reference() {
    return "RFC 5280 4.2.1.10";
  }

  @Override
  public RejectionKind kind() {
    return RejectionKind.NAME_CONSTRAINTS;
  }

  @Override
  public String violation(ProfilePath path) {
    if (path.leaf().getBasicConstraints() >= 0
        || !Extensions.has(path.leaf(), Extension.nameConstraints)) {
      return null;
    }
    return path.describe(0) + " is an end entity carrying name constraints";
  }
}
