package dev.zengate.gateway.trust.profile;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;

/** Reads extensions of a certificate the JDK has already parsed. */
final class Extensions {

  private Extensions() {}

  static boolean has(X509Certificate cert, ASN1ObjectIdentifier oid) {
    return cert.getExtensionValue(oid.getId()) != null;
  }

  static boolean isCritical(X509Certificate cert, ASN1ObjectIdentifier oid) {
    Set<String> critical = cert.getCriticalExtensionOIDs();
    return critical != null && critical.contains(oid.getId());
  }

  /** The DER inside the extension's OCTET STRING; null when absent; throws when unreadable. */
  static byte[] value(X509Certificate cert, ASN1ObjectIdentifier oid) {
    byte[] wrapped = cert.getExtensionValue(oid.getId());
    return wrapped == null ? null : ASN1OctetString.getInstance(wrapped).getOctets();
  }

  /** The extended key usages, null when the extension is absent. */
  static List<String> extendedKeyUsage(X509Certificate cert) {
    try {
      return cert.getExtendedKeyUsage();
    } catch (java.security.cert.CertificateParsingException e) {
      return List.of("(unreadable)");
    }
  }
}
