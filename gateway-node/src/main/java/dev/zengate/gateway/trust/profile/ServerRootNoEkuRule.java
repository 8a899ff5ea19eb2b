package dev.zengate.gateway.trust.profile;

import dev.zengate.gateway.trust.Purpose;
import dev.zengate.gateway.trust.RejectionKind;
import org.bouncycastle.asn1.x509.Extension;

/**
 * A root that anchors server certificates carries no extended key usage (CA/B BR 7.1.2.1.2). Roots
 * of client certificates are banks' private CAs, outside that profile.
 */
final class ServerRootNoEkuRule implements ProfileRule {

  @Override
  public String name() {
    return "root-no-eku";
  }

  @Override
  public String reference() {
    return "CA/B BR 7.1.2.1.2";
  }

  @Override
  public Relaxation relaxedBy() {
    return Relaxation.LEGACY_ROOT_PROFILE;
  }

  @Override
  public RejectionKind kind() {
    return RejectionKind.EXTENDED_KEY_USAGE;
  }

  @Override
  public String violation(ProfilePath path) {
    if (path.purpose() != Purpose.SERVER
        || path.root() == null
        || !Extensions.has(path.root(), Extension.extendedKeyUsage)) {
      return null;
    }
    return "root " + path.describe(path.size() - 1) + " carries an extended key usage";
  }
}
