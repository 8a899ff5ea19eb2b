package dev.zengate.gateway.trust.profile;

import dev.zengate.gateway.trust.RejectionKind;
import java.security.cert.X509Certificate;

/**
 * A certificate whose key may sign certificates is a CA certificate (RFC 5280 4.2.1.3: keyCertSign
 * requires cA): an end entity claiming keyCertSign is misissued.
 */
final class NonCaNoKeyCertSignRule implements ProfileRule {

  private static final int KEY_CERT_SIGN = 5;

  @Override
  public String name() {
    return "leaf-no-key-cert-sign";
  }

  @Override
  public String reference() {
    return "RFC 5280 4.2.1.3";
  }

  @Override
  public RejectionKind kind() {
    return RejectionKind.KEY_USAGE;
  }

  @Override
  public String violation(ProfilePath path) {
    X509Certificate leaf = path.leaf();
    boolean[] usage = leaf.getKeyUsage();
    boolean signsCertificates =
        usage != null && usage.length > KEY_CERT_SIGN && usage[KEY_CERT_SIGN];
    if (!signsCertificates || leaf.getBasicConstraints() >= 0) {
      return null;
    }
    return path.describe(0) + " is not a CA but its key usage allows keyCertSign";
  }
}
