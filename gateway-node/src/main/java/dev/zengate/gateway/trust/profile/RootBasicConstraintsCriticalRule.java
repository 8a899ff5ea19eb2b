package dev.zengate.gateway.trust.profile;

import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.x509.Extension;

/** A root's basic constraints are present and critical (RFC 5280 4.2.1.9, CA/B BR 7.1.2.1.2). */
final class RootBasicConstraintsCriticalRule implements ProfileRule {

  @Override
  public String name() {
    return "root-basic-constraints-critical";
  }

  @Override
  public String reference() {
    return "RFC 5280 4.2.1.9, CA/B BR 7.1.2.1.2";
  }

  @Override
  public Relaxation relaxedBy() {
    return Relaxation.LEGACY_ROOT_PROFILE;
  }

  @Override
  public String violation(ProfilePath path) {
    X509Certificate root = path.root();
    if (root == null || path.pinned() && root.getBasicConstraints() < 0) {
      return null;
    }
    if (!Extensions.has(root, Extension.basicConstraints)) {
      return "root " + path.describe(path.size() - 1) + " has no basic constraints";
    }
    if (!Extensions.isCritical(root, Extension.basicConstraints)) {
      return "root " + path.describe(path.size() - 1) + " has non-critical basic constraints";
    }
    return null;
  }
}
