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
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
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
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
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
    KeyPair keys = keyPair(spec.rsaBits);
    X500Name subject = new X500Name("CN=" + spec.cn);
    X500Name issuerName =
        spec.issuer == null
            ? subject
            : X500Name.getInstance(spec.issuer.cert().getSubjectX500Principal().getEncoded());
    PrivateKey signingKey = spec.issuer == null ? keys.getPrivate() : spec.issuer.key();
    BigInteger serial = new BigInteger(64, RANDOM).setBit(63);
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            issuerName,
            serial,
            Date.from(spec.notBefore),
            Date.from(spec.notAfter),
            subject,
            keys.getPublic());
    JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
    builder.addExtension(
        Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
    if (spec.issuer != null) {
      builder.addExtension(
          Extension.authorityKeyIdentifier,
          false,
          utils.createAuthorityKeyIdentifier(spec.issuer.cert()));
    }
    if (!spec.noBasicConstraints) {
      builder.addExtension(
          Extension.basicConstraints,
          true,
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
    if (!spec.eku.isEmpty()) {
      builder.addExtension(
          Extension.extendedKeyUsage,
          false,
          new ExtendedKeyUsage(spec.eku.toArray(KeyPurposeId[]::new)));
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
    String algorithm =
        spec.signatureAlgorithm != null
            ? spec.signatureAlgorithm
            : signingKey.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
    X509Certificate cert =
        new JcaX509CertificateConverter()
            .getCertificate(
                builder.build(new JcaContentSignerBuilder(algorithm).build(signingKey)));
    String base = spec.cn.replaceAll("[^A-Za-z0-9]", "_");
    Path certFile = write(base + ".crt", cert);
    Path keyFile =
        write(base + ".key", new PemObject("PRIVATE KEY", keys.getPrivate().getEncoded()));
    return new Cert(cert, keys.getPrivate(), certFile, keyFile, spec.cn);
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
