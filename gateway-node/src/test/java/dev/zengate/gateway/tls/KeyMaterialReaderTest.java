package dev.zengate.gateway.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Certificate and key files as the openssl command writes them, in every format operators bring;
 * and damaged or mismatched files, each refused with a message naming the file.
 */
class KeyMaterialReaderTest {

  @TempDir static Path dir;

  static void openssl(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), String.join(" ", command) + "\n" + output);
  }

  @BeforeAll
  static void makeFiles() throws Exception {
    openssl(
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=ec",
        "-keyout",
        "ec-pkcs8.key",
        "-out",
        "ec.crt");
    openssl("ec", "-in", "ec-pkcs8.key", "-out", "ec-sec1.key");
    openssl(
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-384",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=ec384",
        "-keyout",
        "ec384.key",
        "-out",
        "ec384.crt");
    for (String bits : new String[] {"2048", "3072", "4096"}) {
      openssl(
          "req",
          "-x509",
          "-newkey",
          "rsa:" + bits,
          "-nodes",
          "-days",
          "2",
          "-subj",
          "/CN=rsa" + bits,
          "-keyout",
          "rsa" + bits + ".key",
          "-out",
          "rsa" + bits + ".crt");
    }
    openssl("rsa", "-in", "rsa2048.key", "-traditional", "-out", "rsa-pkcs1.key");
    openssl(
        "rsa",
        "-in",
        "rsa2048.key",
        "-traditional",
        "-aes256",
        "-passout",
        "pass:secret",
        "-out",
        "rsa-pkcs1-enc.key");
    openssl(
        "pkcs8",
        "-topk8",
        "-in",
        "rsa2048.key",
        "-v2",
        "aes-256-cbc",
        "-passout",
        "pass:secret",
        "-out",
        "rsa-pkcs8-enc.key");
    openssl("x509", "-in", "rsa2048.crt", "-outform", "DER", "-out", "rsa2048.der");
    openssl(
        "pkcs8",
        "-topk8",
        "-nocrypt",
        "-in",
        "rsa2048.key",
        "-outform",
        "DER",
        "-out",
        "rsa2048-key.der");
    openssl(
        "pkcs12",
        "-export",
        "-in",
        "ec.crt",
        "-inkey",
        "ec-pkcs8.key",
        "-passout",
        "pass:secret",
        "-out",
        "ec.p12");
    Files.writeString(
        dir.resolve("garbage.pem"),
        "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    Files.write(dir.resolve("garbage.der"), new byte[] {0x30, (byte) 0x82, 0x7f, 0x01, 0x02});
  }

  static Path f(String name) {
    return dir.resolve(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ec-pkcs8.key", "ec-sec1.key"})
  void readsEcKeysInPkcs8AndSec1Pem(String file) throws Exception {
    PrivateKey key = KeyMaterialReader.readPrivateKey(f(file), null);
    KeyMaterialReader.requireMatchingKey(
        new CertifiedKey(KeyMaterialReader.readCertificates(f("ec.crt")), key), file);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2048", "3072", "4096"})
  void readsRsaKeysOfEverySupportedSize(String bits) throws Exception {
    CertifiedKey certified =
        new CertifiedKey(
            KeyMaterialReader.readCertificates(f("rsa" + bits + ".crt")),
            KeyMaterialReader.readPrivateKey(f("rsa" + bits + ".key"), null));
    KeyMaterialReader.requireMatchingKey(certified, bits);
    assertEquals("RSA " + bits, certified.describeKey());
  }

  @Test
  void readsP384Keys() throws Exception {
    CertifiedKey certified =
        new CertifiedKey(
            KeyMaterialReader.readCertificates(f("ec384.crt")),
            KeyMaterialReader.readPrivateKey(f("ec384.key"), null));
    KeyMaterialReader.requireMatchingKey(certified, "p384");
    assertEquals("EC 384-bit", certified.describeKey());
  }

  @ParameterizedTest
  @ValueSource(strings = {"rsa-pkcs1.key", "rsa2048-key.der"})
  void readsPkcs1PemAndPkcs8DerKeys(String file) throws Exception {
    assertEquals("RSA", KeyMaterialReader.readPrivateKey(f(file), null).getAlgorithm());
  }

  @ParameterizedTest
  @ValueSource(strings = {"rsa-pkcs1-enc.key", "rsa-pkcs8-enc.key"})
  void readsEncryptedPemKeysWithThePassphraseAndRefusesAWrongOne(String file) throws Exception {
    assertEquals(
        "RSA", KeyMaterialReader.readPrivateKey(f(file), "secret".toCharArray()).getAlgorithm());
    MaterialException wrong =
        assertThrows(
            MaterialException.class,
            () -> KeyMaterialReader.readPrivateKey(f(file), "nope".toCharArray()));
    assertTrue(wrong.getMessage().startsWith(f(file) + ": wrong passphrase"), wrong.getMessage());
    MaterialException missing =
        assertThrows(
            MaterialException.class, () -> KeyMaterialReader.readPrivateKey(f(file), null));
    assertTrue(missing.getMessage().contains("encrypted and no passphrase"), missing.getMessage());
  }

  @Test
  void readsDerCertificates() throws Exception {
    assertEquals(
        "CN=rsa2048",
        KeyMaterialReader.readCertificates(f("rsa2048.der"))
            .get(0)
            .getSubjectX500Principal()
            .getName());
  }

  @Test
  void readsPkcs12WithPassphraseAndRefusesAWrongOne() throws Exception {
    CertifiedKey certified = KeyMaterialReader.readPkcs12(f("ec.p12"), "secret".toCharArray());
    assertEquals("CN=ec", certified.leaf().getSubjectX500Principal().getName());
    MaterialException wrong =
        assertThrows(
            MaterialException.class,
            () -> KeyMaterialReader.readPkcs12(f("ec.p12"), "nope".toCharArray()));
    assertTrue(wrong.getMessage().startsWith(f("ec.p12") + ":"), wrong.getMessage());
    assertTrue(wrong.getMessage().contains("passphrase"), wrong.getMessage());
  }

  @Test
  void refusesAKeyThatDoesNotMatchTheCertificate() throws Exception {
    CertifiedKey mismatched =
        new CertifiedKey(
            KeyMaterialReader.readCertificates(f("rsa3072.crt")),
            KeyMaterialReader.readPrivateKey(f("rsa2048.key"), null));
    MaterialException e =
        assertThrows(
            MaterialException.class,
            () -> KeyMaterialReader.requireMatchingKey(mismatched, "rsa2048.key"));
    assertTrue(e.getMessage().contains("does not match the certificate"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"garbage.pem", "garbage.der", "ec.crt"})
  void damagedOrWrongKindOfKeyFileIsRefusedNamingIt(String file) {
    MaterialException e =
        assertThrows(
            MaterialException.class, () -> KeyMaterialReader.readPrivateKey(f(file), null));
    assertTrue(e.getMessage().startsWith(f(file) + ": "), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"garbage.pem", "garbage.der", "ec-pkcs8.key"})
  void damagedOrWrongKindOfCertificateFileIsRefusedNamingIt(String file) {
    MaterialException e =
        assertThrows(MaterialException.class, () -> KeyMaterialReader.readCertificates(f(file)));
    assertTrue(e.getMessage().startsWith(f(file) + ": "), e.getMessage());
  }
}
