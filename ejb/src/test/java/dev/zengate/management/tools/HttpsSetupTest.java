package dev.zengate.management.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.management.domain.shared.InvalidInputException;
import dev.zengate.management.infrastructure.https.HttpsCertificate;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpsSetupTest {

  @TempDir Path dir;

  @Test
  void theFirstStartGeneratesACertificateForLoopbackAndLaterStartsKeepIt() throws Exception {
    HttpsCertificate first = HttpsSetup.prepare(Map.of(), dir, dir.resolve("preboot"));
    HttpsCertificate second = HttpsSetup.prepare(Map.of(), dir, dir.resolve("preboot"));

    assertEquals(first.fingerprint(), second.fingerprint());
    X509Certificate leaf = first.chain().get(0);
    assertTrue(
        leaf.getSubjectAlternativeNames().stream()
            .map(n -> n.get(1).toString())
            .toList()
            .containsAll(List.of("localhost", "127.0.0.1")),
        "names loopback: " + leaf.getSubjectAlternativeNames());
    leaf.verify(first.chain().get(1).getPublicKey());
    assertEquals("rw-------", mode(dir.resolve("ca.key")));
    assertEquals("rw-------", mode(dir.resolve("server.key")));
    assertEquals("rw-------", mode(dir.resolve("https.p12")));
    assertEquals("rw-------", mode(dir.resolve("preboot")));
  }

  @Test
  void theKeyStoreOpensWithThePasswordGivenToPayaraAndHoldsTheChain() throws Exception {
    HttpsCertificate served = HttpsSetup.prepare(Map.of(), dir, dir.resolve("preboot"));

    String password =
        Files.readAllLines(dir.resolve("preboot")).stream()
            .filter(line -> line.contains("key-store-password="))
            .map(line -> line.substring(line.indexOf('=') + 1))
            .findFirst()
            .orElseThrow();
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(dir.resolve("https.p12"))) {
      store.load(in, password.toCharArray());
    }
    assertEquals(2, store.getCertificateChain(HttpsCertificate.ALIAS).length);
    assertEquals(served.chain().get(0), store.getCertificate(HttpsCertificate.ALIAS));
  }

  @Test
  void aNewAddressGetsANewCertificateUnderTheSameCa() throws Exception {
    HttpsCertificate loopback = HttpsSetup.prepare(Map.of(), dir, dir.resolve("preboot"));
    HttpsCertificate lan =
        HttpsSetup.prepare(
            Map.of("ZENGATE_HTTPS_ADDRESS", "192.0.2.10", "ZENGATE_TLS_NAMES", "zengate.example"),
            dir,
            dir.resolve("preboot"));

    assertNotEquals(loopback.fingerprint(), lan.fingerprint());
    assertEquals(loopback.chain().get(1), lan.chain().get(1));
    List<String> names =
        lan.chain().get(0).getSubjectAlternativeNames().stream()
            .map(n -> n.get(1).toString())
            .toList();
    assertTrue(names.containsAll(List.of("192.0.2.10", "zengate.example")), names.toString());
  }

  @Test
  void theOperatorsCertificateIsServedAsGiven() throws Exception {
    HttpsCertificate own = HttpsSetup.prepare(Map.of(), dir.resolve("own"), dir.resolve("p1"));

    HttpsCertificate served =
        HttpsSetup.prepare(
            Map.of(
                "ZENGATE_TLS_CERT", dir.resolve("own/server.crt").toString(),
                "ZENGATE_TLS_KEY", dir.resolve("own/server.key").toString()),
            dir.resolve("served"),
            dir.resolve("p2"));

    assertEquals(own.fingerprint(), served.fingerprint());
    assertTrue(Files.notExists(dir.resolve("served/ca.crt")), "no CA is generated");
  }

  @Test
  void aKeyOfAnotherCertificateIsRefusedNamingBothFiles() {
    HttpsSetup.prepare(Map.of(), dir.resolve("a"), dir.resolve("p1"));
    HttpsSetup.prepare(Map.of(), dir.resolve("b"), dir.resolve("p2"));

    String refused =
        refusal(
            Map.of(
                "ZENGATE_TLS_CERT", dir.resolve("a/server.crt").toString(),
                "ZENGATE_TLS_KEY", dir.resolve("b/server.key").toString()),
            dir.resolve("c"));
    assertTrue(refused.contains("b/server.key"), refused);
    assertTrue(refused.contains("a/server.crt"), refused);
    assertTrue(Files.notExists(dir.resolve("c/preboot")), "nothing written");
  }

  @Test
  void aCertificateWithoutItsKeyIsRefused() {
    String refused = refusal(Map.of("ZENGATE_TLS_CERT", "/etc/zengate/server.crt"), dir);
    assertTrue(refused.contains("ZENGATE_TLS_KEY"), refused);
  }

  @Test
  void aMissingCertificateFileIsNamed() {
    String refused =
        refusal(
            Map.of(
                "ZENGATE_TLS_CERT", dir.resolve("nope.crt").toString(),
                "ZENGATE_TLS_KEY", dir.resolve("nope.key").toString()),
            dir);
    assertTrue(refused.contains("nope.crt does not exist"), refused);
  }

  @Test
  void plainHttpBeyondLoopbackIsRefused() {
    String refused =
        refusal(Map.of("ZENGATE_HTTP_PORT", "8080", "ZENGATE_HTTP_ADDRESS", "0.0.0.0"), dir);
    assertTrue(refused.contains("loopback only"), refused);
  }

  @Test
  void aBadPortIsNamed() {
    assertEquals(
        "ZENGATE_HTTPS_PORT=84430 is not a port number (1–65535)",
        refusal(Map.of("ZENGATE_HTTPS_PORT", "84430"), dir));
  }

  /** The message with which the setup refuses {@code environment}, writing into {@code tls}. */
  private static String refusal(Map<String, String> environment, Path tls) {
    return assertThrows(
            InvalidInputException.class,
            () -> HttpsSetup.prepare(environment, tls, tls.resolve("preboot")))
        .getMessage();
  }

  private static String mode(Path file) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }
}
