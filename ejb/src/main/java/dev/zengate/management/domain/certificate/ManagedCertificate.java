package dev.zengate.management.domain.certificate;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/**
 * An X.509 certificate known to the system, kept as DER with the fields operators search and sort
 * by. Its issuer, when also stored, is linked so chains can be rebuilt.
 */
@Entity
@Table(name = "certificate")
@NamedQuery(
    name = "ManagedCertificate.byFingerprint",
    query = "SELECT c FROM ManagedCertificate c WHERE c.sha256Fingerprint = :fingerprint")
public class ManagedCertificate {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "sha256_fingerprint", nullable = false)
  private String sha256Fingerprint;

  @Column(name = "subject_dn", nullable = false)
  private String subjectDn;

  @Column(name = "issuer_dn", nullable = false)
  private String issuerDn;

  @Column(name = "serial_number", nullable = false)
  private String serialNumber;

  @Column(name = "not_before", nullable = false)
  private OffsetDateTime notBefore;

  @Column(name = "not_after", nullable = false)
  private OffsetDateTime notAfter;

  @Column(name = "key_algorithm", nullable = false)
  private String keyAlgorithm;

  @Column(name = "key_size", nullable = false)
  private int keySize;

  @Column(name = "subject_alt_names", nullable = false)
  private String subjectAltNames;

  @Column(name = "is_ca", nullable = false)
  private boolean ca;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private CertificateOrigin origin;

  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false)
  private byte[] der;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "issuer_certificate_id")
  private ManagedCertificate issuer;

  @Version private long version;

  protected ManagedCertificate() {}

  public ManagedCertificate(X509Certificate certificate, CertificateOrigin origin) {
    try {
      this.der = certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("certificate cannot be encoded", e);
    }
    this.sha256Fingerprint = fingerprint(der);
    this.subjectDn = certificate.getSubjectX500Principal().getName();
    this.issuerDn = certificate.getIssuerX500Principal().getName();
    this.serialNumber = certificate.getSerialNumber().toString(16);
    this.notBefore = certificate.getNotBefore().toInstant().atOffset(ZoneOffset.UTC);
    this.notAfter = certificate.getNotAfter().toInstant().atOffset(ZoneOffset.UTC);
    this.keyAlgorithm = KeySpec.algorithmOf(certificate.getPublicKey());
    this.keySize = KeySpec.sizeOf(certificate.getPublicKey());
    this.subjectAltNames = String.join("\n", alternativeNames(certificate));
    this.ca = certificate.getBasicConstraints() >= 0;
    this.origin = origin;
  }

  public static String fingerprint(byte[] der) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** SANs in the text form RFC 5280 tools print: {@code DNS:host}, {@code IP:address}, … */
  static List<String> alternativeNames(X509Certificate certificate) {
    List<String> names = new ArrayList<>();
    try {
      Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
      if (sans != null) {
        for (List<?> san : sans) {
          String prefix =
              switch ((Integer) san.get(0)) {
                case 1 -> "email:";
                case 2 -> "DNS:";
                case 6 -> "URI:";
                case 7 -> "IP:";
                default -> null;
              };
          if (prefix != null) {
            names.add(prefix + san.get(1));
          }
        }
      }
    } catch (CertificateParsingException e) {
      names.add("(unreadable subjectAltName)");
    }
    return names;
  }

  public void issuedBy(ManagedCertificate issuerCertificate) {
    this.issuer = issuerCertificate;
  }

  /** This certificate and the stored issuers above it, leaf first. */
  public List<ManagedCertificate> chain() {
    List<ManagedCertificate> chain = new ArrayList<>();
    for (ManagedCertificate c = this; c != null; c = c.issuer) {
      chain.add(c);
    }
    return chain;
  }

  /** This certificate alone as PEM text. */
  public String pem() {
    return "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END CERTIFICATE-----\n";
  }

  public X509Certificate x509() {
    return PkiMaterial.der("stored certificate " + id, der);
  }

  /** Whether the certificate's AIA names an OCSP responder (what a stapling node asks). */
  public boolean namesOcspResponder() {
    byte[] extension = x509().getExtensionValue(Extension.authorityInfoAccess.getId());
    if (extension == null) {
      return false;
    }
    try {
      AuthorityInformationAccess aia =
          AuthorityInformationAccess.getInstance(
              JcaX509ExtensionUtils.parseExtensionValue(extension));
      for (AccessDescription access : aia.getAccessDescriptions()) {
        if (AccessDescription.id_ad_ocsp.equals(access.getAccessMethod())) {
          return true;
        }
      }
      return false;
    } catch (java.io.IOException | IllegalArgumentException unreadable) {
      return false;
    }
  }

  public boolean expiredAt(OffsetDateTime time) {
    return time.isAfter(notAfter);
  }

  public long daysLeftAt(OffsetDateTime time) {
    return Duration.between(time, notAfter).toDays();
  }

  public Map<String, Object> auditView() {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("sha256", sha256Fingerprint);
    view.put("subject", subjectDn);
    view.put("issuer", issuerDn);
    view.put("serial", serialNumber);
    view.put("notAfter", notAfter.toString());
    view.put("origin", origin.name());
    return view;
  }

  public Long id() {
    return id;
  }

  public String sha256Fingerprint() {
    return sha256Fingerprint;
  }

  public String subjectDn() {
    return subjectDn;
  }

  public String issuerDn() {
    return issuerDn;
  }

  public String serialNumber() {
    return serialNumber;
  }

  public BigInteger serial() {
    return new BigInteger(serialNumber, 16);
  }

  public OffsetDateTime notBefore() {
    return notBefore;
  }

  public OffsetDateTime notAfter() {
    return notAfter;
  }

  public String keyAlgorithm() {
    return keyAlgorithm;
  }

  public int keySize() {
    return keySize;
  }

  public List<String> subjectAltNameList() {
    return subjectAltNames.isEmpty() ? List.of() : List.of(subjectAltNames.split("\n"));
  }

  public boolean ca() {
    return ca;
  }

  public CertificateOrigin origin() {
    return origin;
  }

  public byte[] der() {
    return der.clone();
  }

  public ManagedCertificate issuer() {
    return issuer;
  }

  public long version() {
    return version;
  }
}
