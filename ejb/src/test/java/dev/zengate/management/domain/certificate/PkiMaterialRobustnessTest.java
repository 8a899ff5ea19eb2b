package dev.zengate.management.domain.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.management.domain.shared.InvalidInputException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.Random;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Uploaded certificate and key bytes are hostile input: whatever is damaged in them, the parser
 * answers with an {@link InvalidInputException} (a 4xx with a reason), never another exception.
 */
class PkiMaterialRobustnessTest {

  private static final int MUTATIONS = 3000;
  private static byte[] der;
  private static String keyPem;

  @BeforeAll
  static void makeMaterial() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair keys = generator.generateKeyPair();
    Instant now = Instant.now();
    X509Certificate certificate =
        new JcaX509CertificateConverter()
            .getCertificate(
                new JcaX509v3CertificateBuilder(
                        new X500Name("CN=robustness"),
                        BigInteger.TEN,
                        Date.from(now),
                        Date.from(now.plus(30, ChronoUnit.DAYS)),
                        new X500Name("CN=robustness"),
                        keys.getPublic())
                    .build(
                        new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    der = certificate.getEncoded();
    StringWriter pem = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
      writer.writeObject(new JcaPKCS8Generator(keys.getPrivate(), null).generate());
    }
    keyPem = pem.toString();
  }

  @Test
  void readsTheIntactCertificateAndKey() {
    assertEquals(1, PkiMaterial.certificates("c", Base64.getEncoder().encodeToString(der)).size());
    assertEquals("EC", PkiMaterial.privateKey("k", keyPem, null).getAlgorithm());
  }

  @Test
  void everyDamagedCertificateIsAClearValidationError() {
    Random random = new Random(20261122);
    for (int i = 0; i < MUTATIONS; i++) {
      byte[] damaged = mutate(der, random);
      String text = Base64.getEncoder().encodeToString(damaged);
      try {
        PkiMaterial.certificates("certificate", text);
      } catch (InvalidInputException expected) {
        assertTrue(expected.getMessage().startsWith("certificate"), expected.getMessage());
      }
    }
  }

  @Test
  void everyDamagedKeyIsAClearValidationError() {
    Random random = new Random(5020);
    String body = keyPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    byte[] keyDer = Base64.getDecoder().decode(body);
    for (int i = 0; i < MUTATIONS; i++) {
      String damaged =
          "-----BEGIN PRIVATE KEY-----\n"
              + Base64.getMimeEncoder().encodeToString(mutate(keyDer, random))
              + "\n-----END PRIVATE KEY-----\n";
      try {
        PkiMaterial.privateKey("private key", damaged, null);
      } catch (InvalidInputException expected) {
        assertTrue(expected.getMessage().startsWith("private key"), expected.getMessage());
      }
    }
  }

  @Test
  void namesTheProblemOfCommonMistakes() {
    InvalidInputException noPassphrase =
        assertThrows(
            InvalidInputException.class,
            () -> PkiMaterial.pkcs12("PKCS#12 file", new byte[] {1, 2, 3}, null));
    assertTrue(noPassphrase.getMessage().contains("a passphrase is needed"));
    InvalidInputException garbage =
        assertThrows(
            InvalidInputException.class, () -> PkiMaterial.certificates("c", "not base64 at all!"));
    assertTrue(garbage.getMessage().contains("neither PEM nor base64"));
    InvalidInputException keyAsCertificate =
        assertThrows(InvalidInputException.class, () -> PkiMaterial.certificates("c", keyPem));
    assertTrue(keyAsCertificate.getMessage().contains("where a certificate was expected"));
  }

  /** Truncates, flips bits or overwrites bytes: the damage files and transfers really do. */
  private static byte[] mutate(byte[] original, Random random) {
    byte[] copy = original.clone();
    switch (random.nextInt(3)) {
      case 0 -> {
        return java.util.Arrays.copyOf(copy, random.nextInt(copy.length));
      }
      case 1 -> {
        for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
          copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return copy;
      }
      default -> {
        int at = random.nextInt(copy.length);
        copy[at] = (byte) random.nextInt(256);
        if (at + 1 < copy.length) {
          copy[at + 1] = (byte) random.nextInt(256);
        }
        return copy;
      }
    }
  }
}
