package dev.zengate.gateway.trust.profile;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

/**
 * A root's authority key identifier, when present, holds only a keyIdentifier equal to the root's
 * own subject key identifier (CA/B BR 7.1.2.1.3): issuer and serial would name another certificate,
 * and a mismatch means the root claims a key it does not hold.
 */
final class RootAuthorityKeyIdentifierRule implements ProfileRule {

  @Override
  public String name() {
    return "root-aki";
  }

  @Override
  public String reference() {
    return "CA/B BR 7.1.2.1.3";
  }

  @Override
  public Relaxation relaxedBy() {
    return Relaxation.LEGACY_ROOT_PROFILE;
  }

  @Override
  public String violation(ProfilePath path) {
    X509Certificate root = path.root();
    byte[] raw = root == null ? null : Extensions.value(root, Extension.authorityKeyIdentifier);
    if (raw == null) {
      return null;
    }
    String what = path.describe(path.size() - 1);
    AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.getInstance(raw);
    if (aki.getAuthorityCertIssuer() != null || aki.getAuthorityCertSerialNumber() != null) {
      return "the authority key identifier of " + what + " names an issuer or serial number";
    }
    if (aki.getKeyIdentifierObject() == null) {
      return "the authority key identifier of " + what + " has no keyIdentifier";
    }
    byte[] ski = Extensions.value(root, Extension.subjectKeyIdentifier);
    if (ski != null
        && !Arrays.equals(
            aki.getKeyIdentifierObject().getOctets(),
            SubjectKeyIdentifier.getInstance(ski).getKeyIdentifier())) {
      return "the authority key identifier of " + what + " differs from its subject key id";
    }
    return null;
  }
}
