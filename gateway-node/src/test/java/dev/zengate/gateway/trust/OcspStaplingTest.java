package dev.zengate.gateway.trust;

import static dev.zengate.gateway.trust.Pki.spec;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.bundle.testsupport.Ports;
import dev.zengate.gateway.config.InvalidConfigException;
import dev.zengate.gateway.testsupport.EchoServer;
import dev.zengate.gateway.testsupport.LogCapture;
import dev.zengate.gateway.testsupport.NodeFixture;
import dev.zengate.gateway.trust.Pki.Cert;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server function staples a fresh OCSP response about its own certificate (RFC 6066), fetched
 * from a real {@code openssl ocsp} responder, for partners that ask ({@code openssl s_client
 * -status}); never a "revoked" one.
 */
class OcspStaplingTest {

  @TempDir static Path dir;

  static LoopbackHttp http;
  static Cert root;
  static Cert good;
  static Cert revoked;
  static Path goodChain;
  static Path revokedChain;
  static EchoServer backend;

  @BeforeAll
  static void start() throws Exception {
    http = new LoopbackHttp();
    Pki pki = new Pki(dir.resolve("pki"));
    root = pki.root("Stapling Root");
    Cert responder =
        pki.issue(spec("Stapling Responder").issuer(root).eku(KeyPurposeId.id_kp_OCSPSigning));
    OpensslCa ca = new OpensslCa(root, dir.resolve("ca"));
    http.serve("/ocsp", request -> ca.ocsp(request, responder, 5));
    String ocsp = http.url("/ocsp");
    good =
        pki.issue(
            spec("gateway-stapled")
                .issuer(root)
                .eku(KeyPurposeId.id_kp_serverAuth)
                .ip("127.0.0.1")
                .ocsp(ocsp));
    revoked =
        pki.issue(
            spec("gateway-revoked")
                .issuer(root)
                .eku(KeyPurposeId.id_kp_serverAuth)
                .ip("127.0.0.1")
                .ocsp(ocsp));
    ca.valid(good);
    ca.revoke(revoked, Instant.now().minusSeconds(600), "keyCompromise");
    goodChain = pki.bundle("good-chain.pem", good, root);
    revokedChain = pki.bundle("revoked-chain.pem", revoked, root);
    backend = EchoServer.plain();
  }

  @AfterAll
  static void stop() throws Exception {
    backend.close();
    http.close();
  }

  private static String yaml(int goodPort, int revokedPort) {
    return """
        certificates:
          good: {chain: %s, key: %s}
          revoked: {chain: %s, key: %s}
        listeners:
          - name: stapled
            mode: server
            bind: 127.0.0.1:%d
            target: 127.0.0.1:%d
            downstreamTls: {certificate: good, ocspStapling: true}
          - name: withheld
            mode: server
            bind: 127.0.0.1:%d
            target: 127.0.0.1:%d
            downstreamTls: {certificate: revoked, ocspStapling: true}
        """
        .formatted(
            goodChain,
            good.keyFile(),
            revokedChain,
            revoked.keyFile(),
            goodPort,
            backend.port(),
            revokedPort,
            backend.port());
  }

  /** {@code openssl s_client -status}: the OCSP part of its report. */
  private static String statusRequest(int port) throws Exception {
    Process process =
        new ProcessBuilder(
                "openssl",
                "s_client",
                "-connect",
                "127.0.0.1:" + port,
                "-status",
                "-CAfile",
                root.certFile().toString())
            .redirectErrorStream(true)
            .start();
    process.getOutputStream().close();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    process.getInputStream().transferTo(output);
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    return output.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aGoodCertificateIsStapledAndARevokedOneIsNot() throws Exception {
    int goodPort = Ports.free();
    int revokedPort = Ports.free();
    try (LogCapture log =
            new LogCapture(dev.zengate.gateway.trust.revocation.OcspStaple.class.getName());
        NodeFixture node = NodeFixture.start(dir, "openssl", yaml(goodPort, revokedPort))) {
      log.await(line -> line.startsWith("ocsp_staple_fetched certificate=good"));
      String stapled = statusRequest(goodPort);
      assertTrue(stapled.contains("OCSP Response Status: successful"), stapled);
      assertTrue(stapled.contains("Cert Status: good"), stapled);
      assertTrue(stapled.contains("Verify return code: 0 (ok)"), stapled);

      String withheldLine =
          log.await(line -> line.startsWith("ocsp_staple_withheld certificate=revoked"));
      assertTrue(withheldLine.contains("revoked at"), withheldLine);
      String withheld = statusRequest(revokedPort);
      assertTrue(withheld.contains("OCSP response: no response sent"), withheld);

      String status = node.admin("GET", "/status").body();
      assertTrue(status.matches("(?s).*\"stapling\"\\s*:\\s*true.*"), status);
      assertTrue(status.matches("(?s).*\"stapling\"\\s*:\\s*false.*"), status);
    }
  }

  @Test
  void theJdkProviderRefusesStaplingAsAConfigError() {
    InvalidConfigException e =
        assertThrows(
            InvalidConfigException.class,
            () -> NodeFixture.start(dir, "jdk", yaml(Ports.free(), Ports.free())).close());
    assertTrue(
        e.getMessage().contains("listeners[0].downstreamTls.ocspStapling: OCSP stapling needs"),
        e.getMessage());
  }
}
