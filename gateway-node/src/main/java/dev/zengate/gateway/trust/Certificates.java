package dev.zengate.gateway.trust;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

/** Small helpers to read certificates and to name them the way operators recognise them. */
public final class Certificates {

  private Certificates() {}

  /** The subject as an RFC 2253 string, e.g. {@code CN=Partner Bank CA,O=Partner}. */
  public static String name(X509Certificate cert) {
    return name(cert.getSubjectX500Principal());
  }

  public static String name(X500Principal principal) {
    String name = principal.getName(X500Principal.RFC2253);
    return name.isEmpty() ? "(empty subject)" : name;
  }

  /** An instant printed to the second, e.g. {@code 2026-01-02T03:04:05Z}. */
  public static String time(Date date) {
    return time(date.toInstant());
  }

  public static String time(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  static boolean isSelfIssued(X509Certificate cert) {
    return cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal());
  }

  static Optional<byte[]> subjectKeyId(X509Certificate cert) {
    byte[] raw = extensionValue(cert, Extension.subjectKeyIdentifier);
    if (raw == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(SubjectKeyIdentifier.getInstance(raw).getKeyIdentifier());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  static Optional<byte[]> authorityKeyId(X509Certificate cert) {
    byte[] raw = extensionValue(cert, Extension.authorityKeyIdentifier);
    if (raw == null) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(AuthorityKeyIdentifier.getInstance(raw).getKeyIdentifierObject())
          .map(ASN1OctetString::getOctets);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether {@code issuer} may be the issuer of {@code cert} by name and, where both carry them, by
   * key identifier. Signatures are checked separately.
   */
  static boolean couldHaveIssued(X509Certificate issuer, X509Certificate cert) {
    if (!issuer.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
      return false;
    }
    Optional<byte[]> aki = authorityKeyId(cert);
    Optional<byte[]> ski = subjectKeyId(issuer);
    return aki.isEmpty() || ski.isEmpty() || Arrays.equals(aki.get(), ski.get());
  }

  /** The DER value inside an extension's OCTET STRING, or null when the extension is absent. */
  static byte[] extensionValue(
      X509Certificate cert, org.bouncycastle.asn1.ASN1ObjectIdentifier oid) {
    byte[] wrapped = cert.getExtensionValue(oid.getId());
    if (wrapped == null) {
      return null;
    }
    try {
      return ASN1OctetString.getInstance(ASN1Primitive.fromByteArray(wrapped)).getOctets();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
