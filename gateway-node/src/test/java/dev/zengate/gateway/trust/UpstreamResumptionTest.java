package dev.zengate.gateway.trust;

import static dev.zengate.gateway.trust.Pki.spec;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.bundle.testsupport.Ports;
import dev.zengate.gateway.testsupport.NodeFixture;
import dev.zengate.gateway.testsupport.OpensslServer;
import dev.zengate.gateway.testsupport.Peers;
import dev.zengate.gateway.trust.Pki.Cert;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A virtual client resumes TLS sessions with its target, except where that would skip a check: a
 * resumed session is not validated again, so a listener that checks the target's revocation always
 * makes a full handshake. The target is a real {@code openssl s_server}, which says "Reused" for a
 * resumed session.
 */
class UpstreamResumptionTest {

  @TempDir static Path dir;

  static LoopbackHttp http;
  static Cert root;
  static OpensslServer target;

  @BeforeAll
  static void start() throws Exception {
    http = new LoopbackHttp();
    Pki pki = new Pki(dir.resolve("pki"));
    root = pki.root("Resumption Root");
    Cert responder =
        pki.issue(spec("Resumption Responder").issuer(root).eku(KeyPurposeId.id_kp_OCSPSigning));
    OpensslCa ca = new OpensslCa(root, dir.resolve("ca"));
    http.serve("/ocsp", request -> ca.ocsp(request, responder, 5));
    Cert server =
        pki.issue(
            spec("bank-resumable")
                .issuer(root)
                .eku(KeyPurposeId.id_kp_serverAuth)
                .ip("127.0.0.1")
                .ocsp(http.url("/ocsp")));
    ca.valid(server);
    target =
        OpensslServer.web(
            dir, pki.bundle("target-chain.pem", server, root), server.keyFile(), "-tls1_2");
  }

  @AfterAll
  static void stop() throws Exception {
    target.close();
    http.close();
  }

  /** Two connections through {@code port}; whether s_server's page says the second resumed. */
  private static boolean secondWasResumed(int port) throws Exception {
    String first = page(port);
    assertTrue(first.contains("New,"), first);
    String second = page(port);
    assertTrue(second.contains("New,") || second.contains("Reused,"), second);
    return second.contains("Reused,");
  }

  private static String page(int port) throws Exception {
    try (Socket socket = Peers.plain(port)) {
      socket.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"openssl", "jdk"})
  void sessionsAreResumedUnlessTheTargetsRevocationIsChecked(String provider) throws Exception {
    int plain = Ports.free();
    int checked = Ports.free();
    String yaml =
        """
        trust:
          root: {caFiles: [%s]}
        listeners:
          - name: resuming
            mode: client
            bind: 127.0.0.1:%d
            target: 127.0.0.1:%d
            upstreamTls: {trust: root}
          - name: checking
            mode: client
            bind: 127.0.0.1:%d
            target: 127.0.0.1:%d
            upstreamTls: {trust: root, revocation: {mode: ocsp}}
        """
            .formatted(root.certFile(), plain, target.port(), checked, target.port());
    try (NodeFixture node = NodeFixture.start(dir, provider, yaml)) {
      // The control: s_server reports resumption, and the gateway resumes where it may.
      assertTrue(secondWasResumed(plain), target.log());
      assertFalse(secondWasResumed(checked), target.log());
      assertTrue(http.hits("/ocsp") >= 1, "the checking listener asked the responder");
    }
  }
}
