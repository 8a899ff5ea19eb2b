package dev.zengate.gateway.testsupport;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
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
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Test PKI made with BouncyCastle: CAs, server and client certificates, written as PEM files. */
public final class TestPki {

  public enum KeyType {
    EC_P256,
    EC_P384,
    RSA_2048,
    RSA_3072,
    RSA_4096
  }

  /** A certificate with its key and the files they were written to. */
  public record Issued(
      String name,
      X509Certificate cert,
      PrivateKey key,
      List<X509Certificate> chain,
      Path certFile,
      Path chainFile,
      Path keyFile) {}

  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
  private final Path dir;

  public TestPki(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir);
  }

  public Path dir() {
    return dir;
  }

  public Issued rootCa(String name) throws Exception {
    KeyPair keys = keyPair(KeyType.EC_P256);
    X509Certificate cert = sign(name, keys, name, keys, true, List.of(), false, false, validNow());
    return write(name, cert, keys.getPrivate(), List.of(cert));
  }

  public Issued intermediateCa(Issued issuer, String name) throws Exception {
    KeyPair keys = keyPair(KeyType.EC_P256);
    X509Certificate cert =
        sign(
            name,
            keys,
            issuer.name(),
            new KeyPair(issuer.cert().getPublicKey(), issuer.key()),
            true,
            List.of(),
            false,
            false,
            validNow());
    List<X509Certificate> chain = new ArrayList<>(List.of(cert));
    return write(name, cert, keys.getPrivate(), chain);
  }

  public Issued server(
      Issued issuer, String name, KeyType type, List<String> dnsNames, List<String> ips)
      throws Exception {
    return leaf(issuer, name, type, dnsNames, ips, true, validNow());
  }

  public Issued client(Issued issuer, String name) throws Exception {
    return leaf(issuer, name, KeyType.EC_P256, List.of(), List.of(), false, validNow());
  }

  /** A client certificate for a public key made elsewhere (as enrollment issues one). */
  public X509Certificate clientFor(Issued issuer, String name, java.security.PublicKey key)
      throws Exception {
    return sign(
        name,
        new KeyPair(key, null),
        issuer.name(),
        new KeyPair(issuer.cert().getPublicKey(), issuer.key()),
        false,
        List.of(),
        false,
        true,
        validNow());
  }

  /** A server certificate (EC, localhost) that expires {@code left} from now. */
  public Issued serverExpiringIn(Issued issuer, String name, Duration left) throws Exception {
    Instant now = Instant.now();
    return leaf(
        issuer,
        name,
        KeyType.EC_P256,
        List.of("localhost"),
        List.of("127.0.0.1"),
        true,
        new Instant[] {now.minus(Duration.ofDays(80)), now.plus(left)});
  }

  public Issued expiredClient(Issued issuer, String name) throws Exception {
    Instant now = Instant.now();
    return leaf(
        issuer,
        name,
        KeyType.EC_P256,
        List.of(),
        List.of(),
        false,
        new Instant[] {now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1))});
  }

  private Issued leaf(
      Issued issuer,
      String name,
      KeyType type,
      List<String> dnsNames,
      List<String> ips,
      boolean server,
      Instant[] validity)
      throws Exception {
    KeyPair keys = keyPair(type);
    List<GeneralName> sans = new ArrayList<>();
    dnsNames.forEach(d -> sans.add(new GeneralName(GeneralName.dNSName, d)));
    ips.forEach(ip -> sans.add(new GeneralName(GeneralName.iPAddress, ip)));
    X509Certificate cert =
        sign(
            name,
            keys,
            issuer.name(),
            new KeyPair(issuer.cert().getPublicKey(), issuer.key()),
            false,
            sans,
            server,
            !server,
            validity);
    List<X509Certificate> chain = new ArrayList<>();
    chain.add(cert);
    // Send intermediates, never the root.
    if (!issuer.cert().getSubjectX500Principal().equals(issuer.cert().getIssuerX500Principal())) {
      chain.addAll(issuer.chain());
    }
    return write(name, cert, keys.getPrivate(), chain);
  }

  private static Instant[] validNow() {
    Instant now = Instant.now();
    return new Instant[] {now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(365))};
  }

  private static X509Certificate sign(
      String subject,
      KeyPair subjectKeys,
      String issuer,
      KeyPair issuerKeys,
      boolean ca,
      List<GeneralName> sans,
      boolean serverAuth,
      boolean clientAuth,
      Instant[] validity)
      throws Exception {
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            new X500Name("CN=" + issuer),
            BigInteger.valueOf(SERIAL.incrementAndGet()),
            Date.from(validity[0]),
            Date.from(validity[1]),
            new X500Name("CN=" + subject),
            subjectKeys.getPublic());
    JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    builder.addExtension(
        Extension.subjectKeyIdentifier,
        false,
        utils.createSubjectKeyIdentifier(subjectKeys.getPublic()));
    builder.addExtension(
        Extension.authorityKeyIdentifier,
        false,
        utils.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
    if (ca) {
      builder.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    } else {
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      List<KeyPurposeId> purposes = new ArrayList<>();
      if (serverAuth) {
        purposes.add(KeyPurposeId.id_kp_serverAuth);
      }
      if (clientAuth) {
        purposes.add(KeyPurposeId.id_kp_clientAuth);
      }
      builder.addExtension(
          Extension.extendedKeyUsage,
          false,
          new ExtendedKeyUsage(purposes.toArray(KeyPurposeId[]::new)));
    }
    if (!sans.isEmpty()) {
      builder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(sans.toArray(GeneralName[]::new)));
    }
    String algorithm =
        issuerKeys.getPrivate().getAlgorithm().startsWith("RSA")
            ? "SHA256withRSA"
            : "SHA256withECDSA";
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKeys.getPrivate())));
  }

  private static KeyPair keyPair(KeyType type) throws Exception {
    KeyPairGenerator generator;
    switch (type) {
      case RSA_2048, RSA_3072, RSA_4096 -> {
        generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(Integer.parseInt(type.name().substring(4)), new SecureRandom());
      }
      case EC_P384 -> {
        generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
      }
      default -> {
        generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
      }
    }
    return generator.generateKeyPair();
  }

  private Issued write(
      String name, X509Certificate cert, PrivateKey key, List<X509Certificate> chain)
      throws IOException {
    Path certFile = dir.resolve(name + ".crt");
    Path chainFile = dir.resolve(name + "-chain.crt");
    Path keyFile = dir.resolve(name + ".key");
    Files.writeString(certFile, pem(List.of(cert)));
    Files.writeString(chainFile, pem(chain));
    Files.writeString(
        keyFile, pem(List.of(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null))));
    return new Issued(name, cert, key, List.copyOf(chain), certFile, chainFile, keyFile);
  }

  public static String pem(List<?> objects) throws IOException {
    Writer out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      for (Object o : objects) {
        writer.writeObject(o);
      }
    }
    return out.toString();
  }
}
