package dev.zengate.gateway.trust.profile;

import java.util.HashSet;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/** No extension appears twice (RFC 5280 4.2): which of two would a validator believe? */
final class UniqueExtensionsRule implements StructureRule {

  @Override
  public String name() {
    return "unique-extensions";
  }

  @Override
  public String reference() {
    return "RFC 5280 4.2";
  }

  @Override
  public String violation(RawCertificate cert) {
    Set<ASN1ObjectIdentifier> seen = new HashSet<>();
    for (ASN1ObjectIdentifier oid : cert.extensionOids()) {
      if (!seen.add(oid)) {
        return "it carries extension " + oid.getId() + " more than once";
      }
    }
    return null;
  }
}
