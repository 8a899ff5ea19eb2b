package dev.zengate.gateway.trust.revocation;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/** Reads where a certificate says its revocation status is published: AIA OCSP and CDP URLs. */
final class Locations {

  private Locations() {}

  /** HTTP(S) OCSP responder URLs from the authorityInfoAccess extension. */
  static List<URI> ocsp(X509Certificate cert) {
    List<URI> urls = new ArrayList<>();
    byte[] raw = value(cert, Extension.authorityInfoAccess.getId());
    if (raw == null) {
      return urls;
    }
    try {
      for (AccessDescription d :
          AuthorityInformationAccess.getInstance(raw).getAccessDescriptions()) {
        if (AccessDescription.id_ad_ocsp.equals(d.getAccessMethod())) {
          addHttp(urls, d.getAccessLocation());
        }
      }
    } catch (RuntimeException e) {
      // An unreadable AIA counts as none: the no-location policy decides.
    }
    return urls;
  }

  /** HTTP(S) URLs of the full-name CRL distribution points. */
  static List<URI> crl(X509Certificate cert) {
    List<URI> urls = new ArrayList<>();
    byte[] raw = value(cert, Extension.cRLDistributionPoints.getId());
    if (raw == null) {
      return urls;
    }
    try {
      for (DistributionPoint point : CRLDistPoint.getInstance(raw).getDistributionPoints()) {
        DistributionPointName name = point.getDistributionPoint();
        if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
          for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
            addHttp(urls, general);
          }
        }
      }
    } catch (RuntimeException e) {
      // As above: unreadable means absent.
    }
    return urls;
  }

  private static void addHttp(List<URI> urls, GeneralName name) {
    if (name.getTagNo() != GeneralName.uniformResourceIdentifier) {
      return;
    }
    String text = ASN1IA5String.getInstance(name.getName()).getString();
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
      if (scheme.equals("http") || scheme.equals("https")) {
        urls.add(uri);
      }
    } catch (java.net.URISyntaxException e) {
      // Skipped: an LDAP or malformed URL is not one we can fetch.
    }
  }

  private static byte[] value(X509Certificate cert, String oid) {
    byte[] wrapped = cert.getExtensionValue(oid);
    if (wrapped == null) {
      return null;
    }
    try {
      return ASN1OctetString.getInstance(ASN1Primitive.fromByteArray(wrapped)).getOctets();
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }
}
