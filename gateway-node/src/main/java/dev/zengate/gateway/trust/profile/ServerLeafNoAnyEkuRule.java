package dev.zengate.gateway.trust.profile;

import dev.zengate.gateway.trust.Purpose;
import dev.zengate.gateway.trust.RejectionKind;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/**
 * A server certificate does not claim anyExtendedKeyUsage (CA/B BR 7.1.2.7.10): a certificate good
 * for everything was not issued for TLS servers. A client certificate may (RFC 5280 4.2.1.12).
 */
final class ServerLeafNoAnyEkuRule implements ProfileRule {

  @Override
  public String name() {
    return "leaf-no-any-eku";
  }

  @Override
  public String reference() {
    return "CA/B BR 7.1.2.7.10";
  }

  @Override
  public RejectionKind kind() {
    return RejectionKind.EXTENDED_KEY_USAGE;
  }

  @Override
  public String violation(ProfilePath path) {
    List<String> eku = Extensions.extendedKeyUsage(path.leaf());
    if (path.purpose() != Purpose.SERVER
        || eku == null
        || !eku.contains(KeyPurposeId.anyExtendedKeyUsage.getId())) {
      return null;
    }
    return path.describe(0) + " claims anyExtendedKeyUsage, which a server certificate must not";
  }
}
