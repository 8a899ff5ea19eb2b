package dev.zengate.gateway.trust.profile;

import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;

/**
 * Every certificate issued by another CA carries an authority key identifier with its keyIdentifier
 * (RFC 5280 4.2.1.1); only a self-signed root may omit it. A trust anchor is configuration and is
 * not held to it.
 */
final class AuthorityKeyIdentifierPresentRule implements ProfileRule {

  @Override
  public String name() {
    return "aki-present";
  }

  @Override
  public String reference() {
    return "RFC 5280 4.2.1.1";
  }

  @Override
  public Relaxation relaxedBy() {
    return Relaxation.MISSING_KEY_IDENTIFIERS;
  }

  @Override
  public String violation(ProfilePath path) {
    for (int i = 0; i < path.size() - 1; i++) {
      X509Certificate cert = path.certs().get(i);
      byte[] aki = Extensions.value(cert, Extension.authorityKeyIdentifier);
      if (aki == null) {
        return path.describe(i) + " has no authority key identifier";
      }
      if (AuthorityKeyIdentifier.getInstance(aki).getKeyIdentifierObject() == null) {
        return "the authority key identifier of " + path.describe(i) + " has no keyIdentifier";
      }
    }
    return null;
  }
}
