package dev.zengate.gateway.trust;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Test PKI for the trust tests, made with BouncyCastle: each certificate is described by a {@link
 * Spec} (issuer, validity, CA flag and path length, key usages, names, name constraints, AIA and
 * CDP, key type) and written as PEM so that openssl can sign CRLs and OCSP responses with it.
 */
final class Pki {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** An issued certificate with its key and files. */
  record Cert(X509Certificate cert, PrivateKey key, Path certFile, Path keyFile, String cn) {
    /** The serial as openssl's index.txt spells it. */
    String serialHex() {
      String hex = cert.getSerialNumber().toString(16).toUpperCase();
      return hex.length() % 2 == 1 ? "0" + hex : hex;
    }
  }

  /** The authority key identifier a root may carry about itself. */
  enum SelfAki {
    /** keyIdentifier equal to its subject key identifier: what CA/B allows. */
    MATCHING,
    /** keyIdentifier plus authorityCertIssuer and authorityCertSerialNumber. */
    WITH_ISSUER_AND_SERIAL,
    /** keyIdentifier of another key. */
    OTHER_KEY
  }

  /** What to issue. Defaults: EC P-256 end entity, valid from an hour ago for a day. */
  static final class Spec {
    final String cn;
    Cert issuer;
    Instant notBefore = Instant.now().minus(Duration.ofHours(1));
    Instant notAfter = Instant.now().plus(Duration.ofDays(1));
    boolean ca;
    Integer pathLen;
    boolean noBasicConstraints;
    Integer keyUsage;
    List<KeyPurposeId> eku = new ArrayList<>();
    List<GeneralName> sans = new ArrayList<>();
    List<GeneralSubtree> permitted = new ArrayList<>();
    List<GeneralSubtree> excluded = new ArrayList<>();
    String ocspUrl;
    String crlUrl;
    int rsaBits;
    String signatureAlgorithm;
    String criticalUnknownOid;
    String subjectDn;
    String issuerDn;
    BigInteger serial;
    boolean noAki;
    boolean noSki;
    boolean criticalAki;
    AuthorityKeyIdentifier aki;
    boolean noEku;
    boolean criticalEku;
    boolean basicConstraintsNonCritical;
    Integer endEntityPathLen;
    boolean duplicateExtension;
    String tbsSignatureAlgorithm;
    SelfAki selfAki;

    Spec(String cn) {
      this.cn = cn;
    }

    Spec issuer(Cert value) {
      issuer = value;
      return this;
    }

    Spec ca(Integer maxPathLen) {
      ca = true;
      pathLen = maxPathLen;
      return this;
    }

    Spec validity(Instant from, Instant to) {
      notBefore = from;
      notAfter = to;
      return this;
    }

    Spec eku(KeyPurposeId... purposes) {
      eku.addAll(List.of(purposes));
      return this;
    }

    Spec dns(String... names) {
      for (String name : names) {
        sans.add(new GeneralName(GeneralName.dNSName, name));
      }
      return this;
    }

    Spec ip(String... addresses) {
      for (String address : addresses) {
        sans.add(new GeneralName(GeneralName.iPAddress, address));
      }
      return this;
    }

    Spec permitDns(String name) {
      permitted.add(new GeneralSubtree(new GeneralName(GeneralName.dNSName, name)));
      return this;
    }

    Spec excludeDns(String name) {
      excluded.add(new GeneralSubtree(new GeneralName(GeneralName.dNSName, name)));
      return this;
    }

    Spec ocsp(String url) {
      ocspUrl = url;
      return this;
    }

    Spec crl(String url) {
      crlUrl = url;
      return this;
    }

    Spec rsa(int bits) {
      rsaBits = bits;
      return this;
    }

    Spec signedWith(String algorithm) {
      signatureAlgorithm = algorithm;
      return this;
    }

    Spec keyUsage(int usage) {
      keyUsage = usage;
      return this;
    }

    Spec criticalUnknownExtension(String oid) {
      criticalUnknownOid = oid;
      return this;
    }

    Spec withoutBasicConstraints() {
      noBasicConstraints = true;
      return this;
    }

    /** The subject as a DN (e.g. {@code O=Bank,CN=x}, or "" for an empty one) instead of CN. */
    Spec subject(String dn) {
      subjectDn = dn;
      return this;
    }

    /** The issuer name written into the certificate instead of the issuer's subject. */
    Spec issuerName(String dn) {
      issuerDn = dn;
      return this;
    }

    Spec serial(BigInteger value) {
      serial = value;
      return this;
    }

    Spec withoutAki() {
      noAki = true;
      return this;
    }

    Spec withoutSki() {
      noSki = true;
      return this;
    }

    Spec criticalAki() {
      criticalAki = true;
      return this;
    }

    /** A self-signed certificate's authority key identifier, made from its own key. */
    Spec selfAki(SelfAki kind) {
      selfAki = kind;
      return this;
    }

    /** This authority key identifier instead of the one derived from the issuer. */
    Spec aki(AuthorityKeyIdentifier value) {
      aki = value;
      return this;
    }

    /** No extended key usage (end entities get serverAuth and clientAuth by default). */
    Spec withoutEku() {
      noEku = true;
      return this;
    }

    Spec criticalEku() {
      criticalEku = true;
      return this;
    }

    Spec basicConstraintsNonCritical() {
      basicConstraintsNonCritical = true;
      return this;
    }

    /** Basic constraints of an end entity (cA FALSE) that still carry a pathLenConstraint. */
    Spec endEntityPathLen(int value) {
      endEntityPathLen = value;
      return this;
    }

    Spec email(String address) {
      sans.add(new GeneralName(GeneralName.rfc822Name, address));
      return this;
    }

    Spec dirName(String dn) {
      sans.add(new GeneralName(new X500Name(dn)));
      return this;
    }

    Spec permit(GeneralName name) {
      permitted.add(new GeneralSubtree(name));
      return this;
    }

    Spec exclude(GeneralName name) {
      excluded.add(new GeneralSubtree(name));
      return this;
    }

    /** Malformed: the subject key identifier extension appears twice ({@link #issueRaw}). */
    Spec duplicateExtension() {
      duplicateExtension = true;
      return this;
    }

    /** Malformed: the signed part names this signature algorithm, the outside another. */
    Spec tbsSignatureAlgorithm(String algorithm) {
      tbsSignatureAlgorithm = algorithm;
      return this;
    }
  }

  private final Path dir;

  Pki(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir);
  }

  Path dir() {
    return dir;
  }

  static Spec spec(String cn) {
    return new Spec(cn);
  }

  Cert root(String cn) throws Exception {
    return issue(spec(cn).ca(null));
  }

  Cert issue(Spec spec) throws Exception {
    Built built = build(spec);
    X509Certificate cert = new JcaX509CertificateConverter().getCertificate(built.holder());
    String base = spec.cn.replaceAll("[^A-Za-z0-9]", "_");
    Path certFile = write(base + ".crt", cert);
    Path keyFile =
        write(base + ".key", new PemObject("PRIVATE KEY", built.keys().getPrivate().getEncoded()));
    return new Cert(cert, built.keys().getPrivate(), certFile, keyFile, spec.cn);
  }

  /**
   * A certificate the JDK may refuse to parse (empty names, duplicate extensions, mismatched
   * signature algorithms), as DER written to a PEM file; signed properly all the same.
   */
  Path issueRaw(Spec spec) throws Exception {
    Built built = build(spec);
    org.bouncycastle.asn1.x509.Certificate parsed = built.holder().toASN1Structure();
    byte[] der = parsed.getEncoded();
    if (spec.duplicateExtension || spec.tbsSignatureAlgorithm != null) {
      der = resigned(spec, parsed, built.signingKey());
    }
    String base = spec.cn.replaceAll("[^A-Za-z0-9]", "_");
    return write(base + ".crt", new PemObject("CERTIFICATE", der));
  }

  private static byte[] resigned(
      Spec spec, org.bouncycastle.asn1.x509.Certificate parsed, PrivateKey signingKey)
      throws Exception {
    ASN1Sequence tbs = ASN1Sequence.getInstance(parsed.getTBSCertificate().toASN1Primitive());
    ASN1EncodableVector fields = new ASN1EncodableVector();
    var algorithms = new org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder();
    for (int i = 0; i < tbs.size(); i++) {
      ASN1Encodable field = tbs.getObjectAt(i);
      if (i == 2 && spec.tbsSignatureAlgorithm != null) {
        field = algorithms.find(spec.tbsSignatureAlgorithm);
      }
      if (field instanceof ASN1TaggedObject tagged && tagged.getTagNo() == 3) {
        ASN1Sequence extensions = ASN1Sequence.getInstance(tagged, true);
        ASN1EncodableVector doubled = new ASN1EncodableVector();
        extensions.forEach(doubled::add);
        if (spec.duplicateExtension) {
          doubled.add(extensions.getObjectAt(0));
        }
        field = new DERTaggedObject(true, 3, new DERSequence(doubled));
      }
      fields.add(field);
    }
    byte[] tbsDer = new DERSequence(fields).getEncoded(ASN1Encoding.DER);
    ContentSigner signer =
        new JcaContentSignerBuilder(algorithm(spec, signingKey)).build(signingKey);
    signer.getOutputStream().write(tbsDer);
    ASN1EncodableVector certificate = new ASN1EncodableVector();
    certificate.add(new DERSequence(fields));
    certificate.add(signer.getAlgorithmIdentifier());
    certificate.add(new DERBitString(signer.getSignature()));
    return new DERSequence(certificate).getEncoded(ASN1Encoding.DER);
  }

  private record Built(X509CertificateHolder holder, KeyPair keys, PrivateKey signingKey) {}

  private static String algorithm(Spec spec, PrivateKey signingKey) {
    return spec.signatureAlgorithm != null
        ? spec.signatureAlgorithm
        : signingKey.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
  }

  private Built build(Spec spec) throws Exception {
    KeyPair keys = keyPair(spec.rsaBits);
    X500Name subject = new X500Name(spec.subjectDn != null ? spec.subjectDn : "CN=" + spec.cn);
    X500Name issuerName =
        spec.issuerDn != null
            ? new X500Name(spec.issuerDn)
            : spec.issuer == null
                ? subject
                : X500Name.getInstance(spec.issuer.cert().getSubjectX500Principal().getEncoded());
    PrivateKey signingKey = spec.issuer == null ? keys.getPrivate() : spec.issuer.key();
    BigInteger serial = spec.serial != null ? spec.serial : new BigInteger(64, RANDOM).setBit(63);
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            issuerName,
            serial,
            Date.from(spec.notBefore),
            Date.from(spec.notAfter),
            subject,
            keys.getPublic());
    JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
    if (!spec.noSki) {
      builder.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          utils.createSubjectKeyIdentifier(keys.getPublic()));
    }
    if (spec.selfAki != null) {
      var own = utils.createAuthorityKeyIdentifier(keys.getPublic());
      var other = utils.createAuthorityKeyIdentifier(keyPair(0).getPublic());
      builder.addExtension(
          Extension.authorityKeyIdentifier,
          spec.criticalAki,
          switch (spec.selfAki) {
            case MATCHING -> own;
            case OTHER_KEY -> other;
            case WITH_ISSUER_AND_SERIAL ->
                new AuthorityKeyIdentifier(
                    own.getKeyIdentifierObject().getOctets(),
                    new GeneralNames(new GeneralName(subject)),
                    serial);
          });
    } else if (spec.aki != null) {
      builder.addExtension(Extension.authorityKeyIdentifier, spec.criticalAki, spec.aki);
    } else if (spec.issuer != null && !spec.noAki) {
      builder.addExtension(
          Extension.authorityKeyIdentifier,
          spec.criticalAki,
          utils.createAuthorityKeyIdentifier(spec.issuer.cert()));
    }
    if (spec.endEntityPathLen != null) {
      // cA is DEFAULT FALSE, so DER omits it: SEQUENCE { pathLenConstraint }.
      builder.addExtension(
          Extension.basicConstraints,
          true,
          new DERSequence(new ASN1Integer(spec.endEntityPathLen)));
    } else if (!spec.noBasicConstraints) {
      builder.addExtension(
          Extension.basicConstraints,
          !spec.basicConstraintsNonCritical,
          spec.ca
              ? (spec.pathLen == null
                  ? new BasicConstraints(true)
                  : new BasicConstraints(spec.pathLen))
              : new BasicConstraints(false));
    }
    int usage =
        spec.keyUsage != null
            ? spec.keyUsage
            : spec.ca
                ? KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature
                : KeyUsage.digitalSignature | KeyUsage.keyEncipherment;
    builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
    List<KeyPurposeId> eku = new ArrayList<>(spec.eku);
    if (eku.isEmpty() && !spec.ca && !spec.noEku) {
      // A conforming end entity states its purposes; tests that need none say withoutEku().
      eku.addAll(List.of(KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth));
    }
    if (!eku.isEmpty() && !spec.noEku) {
      builder.addExtension(
          Extension.extendedKeyUsage,
          spec.criticalEku,
          new ExtendedKeyUsage(eku.toArray(KeyPurposeId[]::new)));
    }
    if (!spec.sans.isEmpty()) {
      builder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(spec.sans.toArray(GeneralName[]::new)));
    }
    if (!spec.permitted.isEmpty() || !spec.excluded.isEmpty()) {
      builder.addExtension(
          Extension.nameConstraints,
          true,
          new NameConstraints(
              spec.permitted.isEmpty() ? null : spec.permitted.toArray(GeneralSubtree[]::new),
              spec.excluded.isEmpty() ? null : spec.excluded.toArray(GeneralSubtree[]::new)));
    }
    if (spec.ocspUrl != null) {
      builder.addExtension(
          Extension.authorityInfoAccess,
          false,
          new AuthorityInformationAccess(
              AccessDescription.id_ad_ocsp,
              new GeneralName(GeneralName.uniformResourceIdentifier, spec.ocspUrl)));
    }
    if (spec.crlUrl != null) {
      GeneralNames names =
          new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, spec.crlUrl));
      builder.addExtension(
          Extension.cRLDistributionPoints,
          false,
          new CRLDistPoint(
              new DistributionPoint[] {
                new DistributionPoint(new DistributionPointName(names), null, null)
              }));
    }
    if (spec.criticalUnknownOid != null) {
      builder.addExtension(
          new ASN1ObjectIdentifier(spec.criticalUnknownOid), true, new DEROctetString(new byte[1]));
    }
    X509CertificateHolder holder =
        builder.build(new JcaContentSignerBuilder(algorithm(spec, signingKey)).build(signingKey));
    return new Built(holder, keys, signingKey);
  }

  /** Writes the certificates as one PEM file in the pki directory. */
  Path bundle(String name, Cert... certs) throws IOException {
    Object[] objects = new Object[certs.length];
    for (int i = 0; i < certs.length; i++) {
      objects[i] = certs[i].cert();
    }
    return write(name, objects);
  }

  private Path write(String name, Object... objects) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      for (Object object : objects) {
        writer.writeObject(object);
      }
    }
    return Files.writeString(dir.resolve(name), text.toString());
  }

  private static KeyPair keyPair(int rsaBits) throws Exception {
    if (rsaBits > 0) {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(rsaBits);
      return generator.generateKeyPair();
    }
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }
}
