package dev.zengate.management.infrastructure.channel;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
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
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates Zengate issues itself, all EC P-256. For the node channel: the cluster's CA
 * (self-signed, may sign end entities only), a member's server certificate (serverAuth, naming the
 * host nodes dial) and a node's client certificate (clientAuth only, so a node cannot pose as a
 * member to another node). The management server's generated HTTPS certificate is made the same
 * way, under a CA of its own.
 */
public final class ChannelCertificates {

  static final Duration CA_LIFETIME = Duration.ofDays(365 * 20);
  static final Duration NODE_LIFETIME = Duration.ofDays(365 * 10);
  static final Duration SERVER_LIFETIME = Duration.ofDays(365);
  private static final SecureRandom RANDOM = new SecureRandom();

  private ChannelCertificates() {}

  public static KeyPair newKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("P-256 unavailable", e);
    }
  }

  public static X509Certificate selfSignedCa(KeyPair ca, String name) {
    X500Name subject = new X500Name("CN=" + name);
    try {
      X509v3CertificateBuilder builder =
          builder(subject, subject, ca.getPublic(), CA_LIFETIME)
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
              .addExtension(
                  Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      return sign(builder, ca.getPrivate());
    } catch (IOException e) {
      throw new IllegalStateException("cannot build the node-channel CA", e);
    }
  }

  /** A node's client certificate: its name and id in the subject, clientAuth only. */
  public static X509Certificate node(
      X509Certificate ca, PrivateKey caKey, PublicKey nodeKey, long nodeId, String nodeName) {
    return endEntity(
        ca,
        caKey,
        nodeKey,
        new X500Name("CN=" + nodeName.replaceAll("[^A-Za-z0-9._-]", "_") + ",UID=" + nodeId),
        NODE_LIFETIME,
        KeyPurposeId.id_kp_clientAuth,
        null);
  }

  /** A member's server certificate for {@code host} (an IP literal or a DNS name). */
  public static X509Certificate server(
      X509Certificate ca, PrivateKey caKey, PublicKey serverKey, String host) {
    return server(ca, caKey, serverKey, "zengate-member " + host, List.of(host), SERVER_LIFETIME);
  }

  /**
   * A TLS server certificate naming {@code hosts} (IP literals or DNS names); the management
   * server's generated HTTPS certificate is one too.
   */
  public static X509Certificate server(
      X509Certificate ca,
      PrivateKey caKey,
      PublicKey serverKey,
      String commonName,
      List<String> hosts,
      Duration lifetime) {
    GeneralName[] names =
        hosts.stream()
            .map(
                host ->
                    host.matches("[0-9.]+|.*:.*")
                        ? new GeneralName(GeneralName.iPAddress, ipLiteral(host))
                        : new GeneralName(GeneralName.dNSName, host))
            .toArray(GeneralName[]::new);
    return endEntity(
        ca,
        caKey,
        serverKey,
        new X500Name("CN=" + commonName),
        lifetime,
        KeyPurposeId.id_kp_serverAuth,
        new GeneralNames(names));
  }

  private static X509Certificate endEntity(
      X509Certificate ca,
      PrivateKey caKey,
      PublicKey key,
      X500Name subject,
      Duration lifetime,
      KeyPurposeId purpose,
      GeneralNames names) {
    try {
      X509v3CertificateBuilder builder =
          builder(
                  X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
                  subject,
                  key,
                  lifetime)
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
              .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
      if (names != null) {
        builder.addExtension(Extension.subjectAlternativeName, false, names);
      }
      return sign(builder, caKey);
    } catch (IOException e) {
      throw new IllegalStateException("cannot issue a node-channel certificate", e);
    }
  }

  private static X509v3CertificateBuilder builder(
      X500Name issuer, X500Name subject, PublicKey key, Duration lifetime) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(
        issuer,
        new BigInteger(128, RANDOM),
        Date.from(now.minus(Duration.ofHours(1))), // clocks of nodes run a little behind
        Date.from(now.plus(lifetime)),
        subject,
        key);
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot sign a node-channel certificate", e);
    }
  }

  private static String ipLiteral(String host) {
    try {
      return InetAddress.getByName(host).getHostAddress();
    } catch (IOException e) {
      throw new IllegalArgumentException("'" + host + "' is not an IP address", e);
    }
  }

  public static String pem(Object certificateOrKey) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(certificateOrKey);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write PEM", e);
    }
    return out.toString();
  }
}
