package dev.zengate.management.interfaces.rest;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
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
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/** Test PKI made by the tests: CAs, leaves, keys in the formats operators upload. */
final class TestPki {

  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  private TestPki() {}

  record Issued(KeyPair keys, X509Certificate certificate) {
    String certificatePem() {
      return pem(certificate);
    }

    /** PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----"), as openssl genpkey writes it. */
    String keyPem() {
      return pkcs8Pem(keys.getPrivate());
    }
  }

  static KeyPair ec() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static KeyPair rsa(int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits);
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Issued rootCa(String name) {
    return rootCa(name, validNow());
  }

  /** A self-signed EC CA valid from {@code validity[0]} to {@code validity[1]}. */
  static Issued rootCa(String name, Instant[] validity) {
    KeyPair keys = ec();
    return new Issued(
        keys, certificate(name, keys, new X500Name(name), keys.getPrivate(), true, validity, null));
  }

  static Issued issue(
      Issued issuer, String name, KeyPair keys, boolean ca, Instant[] validity, String dnsSan) {
    return new Issued(
        keys, build(name, keys, issuerName(issuer), issuer.keys(), ca, validity, dnsSan, null));
  }

  /**
   * An EC leaf whose AIA names an OCSP responder (nothing answers there: for stapling settings).
   */
  static Issued issueWithOcspResponder(Issued issuer, String name, String ocspUrl) {
    KeyPair keys = ec();
    return new Issued(
        keys,
        build(name, keys, issuerName(issuer), issuer.keys(), false, validNow(), null, ocspUrl));
  }

  static Instant[] validNow() {
    Instant now = Instant.now();
    return new Instant[] {now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365))};
  }

  static Instant[] expired() {
    Instant now = Instant.now();
    return new Instant[] {now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(35))};
  }

  static X500Name issuerName(Issued issuer) {
    return X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
  }

  static X509Certificate certificate(
      String subject,
      KeyPair subjectKeys,
      X500Name issuer,
      PrivateKey issuerKey,
      boolean ca,
      Instant[] validity,
      String dnsSan) {
    return certificate(subject, subjectKeys, issuer, issuerKey, ca, validity, dnsSan, null);
  }

  static X509Certificate certificate(
      String subject,
      KeyPair subjectKeys,
      X500Name issuer,
      PrivateKey issuerKey,
      boolean ca,
      Instant[] validity,
      String dnsSan,
      String ocspUrl) {
    // Given only the issuer's private key, the issuer's key identifier is known when self-signed.
    PublicKey issuerPublic = issuer.equals(new X500Name(subject)) ? subjectKeys.getPublic() : null;
    return build(
        subject,
        subjectKeys,
        issuer,
        new KeyPair(issuerPublic, issuerKey),
        ca,
        validity,
        dnsSan,
        ocspUrl);
  }

  /**
   * A certificate as RFC 5280 and the CA/Browser Forum profile want it (the gateways validate
   * strictly): key identifiers, and for an end entity the serverAuth and clientAuth usages.
   */
  private static X509Certificate build(
      String subject,
      KeyPair subjectKeys,
      X500Name issuer,
      KeyPair issuerKeys,
      boolean ca,
      Instant[] validity,
      String dnsSan,
      String ocspUrl) {
    PrivateKey issuerKey = issuerKeys.getPrivate();
    try {
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              issuer,
              BigInteger.valueOf(SERIAL.incrementAndGet()),
              Date.from(validity[0]),
              Date.from(validity[1]),
              new X500Name(subject),
              subjectKeys.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
      JcaX509ExtensionUtils ids = new JcaX509ExtensionUtils();
      builder.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          ids.createSubjectKeyIdentifier(subjectKeys.getPublic()));
      if (issuerKeys.getPublic() != null) {
        builder.addExtension(
            Extension.authorityKeyIdentifier,
            false,
            ids.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
      }
      if (!ca) {
        builder.addExtension(
            Extension.extendedKeyUsage,
            false,
            new ExtendedKeyUsage(
                new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
      }
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
      if (dnsSan != null) {
        builder.addExtension(
            Extension.subjectAlternativeName,
            false,
            new GeneralNames(new GeneralName(GeneralName.dNSName, dnsSan)));
      }
      if (ocspUrl != null) {
        builder.addExtension(
            Extension.authorityInfoAccess,
            false,
            new org.bouncycastle.asn1.x509.AuthorityInformationAccess(
                org.bouncycastle.asn1.x509.AccessDescription.id_ad_ocsp,
                new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl)));
      }
      String algorithm =
          "RSA".equals(issuerKey.getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA";
      return new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKey)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Signs a PEM CSR as the CA would, keeping the requested public key and subject. */
  static X509Certificate sign(Issued ca, String csrPem) {
    try (var parser = new org.bouncycastle.openssl.PEMParser(new java.io.StringReader(csrPem))) {
      PKCS10CertificationRequest csr = (PKCS10CertificationRequest) parser.readObject();
      var publicKey =
          new org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest(csr).getPublicKey();
      KeyPair holder = new KeyPair(publicKey, null);
      return build(
          csr.getSubject().toString(),
          holder,
          issuerName(ca),
          ca.keys(),
          false,
          validNow(),
          null,
          null);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String pem(Object object) {
    try {
      StringWriter text = new StringWriter();
      try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
        writer.writeObject(object);
      }
      return text.toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String pkcs8Pem(PrivateKey key) {
    try {
      return pem(new JcaPKCS8Generator(key, null).generate());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The key as encrypted PKCS#8 PEM ("-----BEGIN ENCRYPTED PRIVATE KEY-----"). */
  static String encryptedKeyPem(PrivateKey key, String passphrase) {
    try {
      var encryptor =
          new JceOpenSSLPKCS8EncryptorBuilder(org.bouncycastle.openssl.PKCS8Generator.AES_256_CBC)
              .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
              .setRandom(new SecureRandom())
              .setPassword(passphrase.toCharArray())
              .build();
      return pem(new JcaPKCS8Generator(key, encryptor).generate());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String pkcs12Base64(Issued leaf, Issued ca, String passphrase) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(
          "leaf",
          leaf.keys().getPrivate(),
          passphrase.toCharArray(),
          new X509Certificate[] {leaf.certificate(), ca.certificate()});
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      store.store(out, passphrase.toCharArray());
      return Base64.getEncoder().encodeToString(out.toByteArray());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
