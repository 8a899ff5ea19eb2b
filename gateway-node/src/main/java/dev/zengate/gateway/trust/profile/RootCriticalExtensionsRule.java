package dev.zengate.gateway.trust.profile;

import dev.zengate.gateway.trust.RejectionKind;
import java.security.cert.X509Certificate;
import java.util.Set;

/**
 * A root has no critical extension the validator does not understand. RFC 5280 6.1 leaves the
 * anchor's extensions to the relying party; a critical one still says "do not use this certificate
 * unless you process me", so the strict profile honours it for roots as for every other certificate
 * (CA/B BR 7.1.2.1.2 lists every extension a root may carry).
 */
final class RootCriticalExtensionsRule implements ProfileRule {

  @Override
  public String name() {
    return "root-critical-extensions";
  }

  @Override
  public String reference() {
    return "RFC 5280 4.2, CA/B BR 7.1.2.1.2";
  }

  @Override
  public Relaxation relaxedBy() {
    return Relaxation.LEGACY_ROOT_PROFILE;
  }

  @Override
  public RejectionKind kind() {
    return RejectionKind.CRITICAL_EXTENSION;
  }

  @Override
  public String violation(ProfilePath path) {
    X509Certificate anchor = path.anchor();
    Set<String> critical = anchor.getCriticalExtensionOIDs();
    if (critical == null) {
      return null;
    }
    for (String oid : critical) {
      if (!UnderstoodExtensions.OIDS.contains(oid)) {
        return path.describe(path.size() - 1) + " has an unknown critical extension " + oid;
      }
    }
    return null;
  }
}
