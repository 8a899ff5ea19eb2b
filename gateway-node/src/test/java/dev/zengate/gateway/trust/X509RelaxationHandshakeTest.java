package dev.zengate.gateway.trust;

import static dev.zengate.gateway.trust.Pki.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.bundle.testsupport.Ports;
import dev.zengate.gateway.testsupport.LogCapture;
import dev.zengate.gateway.testsupport.NodeFixture;
import dev.zengate.gateway.testsupport.OpensslServer;
import dev.zengate.gateway.testsupport.Peers;
import dev.zengate.gateway.trust.Pki.Cert;
import java.net.Socket;
import java.nio.file.Path;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * End to end, with a real {@code openssl s_server} as the bank: its server certificate comes from a
 * private CA that omits the authority key identifier. A virtual client with the default (strict)
 * validation refuses it; one whose listener relaxes missing-key-identifiers relays through it.
 */
class X509RelaxationHandshakeTest {

  @TempDir static Path dir;
  static Cert bankRoot;
  static OpensslServer bank;

  @BeforeAll
  static void startBank() throws Exception {
    Pki pki = new Pki(dir.resolve("pki"));
    bankRoot = pki.root("Private Bank Root");
    Cert server =
        pki.issue(
            spec("zengin.private-bank.test")
                .issuer(bankRoot)
                .withoutAki()
                .eku(KeyPurposeId.id_kp_serverAuth)
                .ip("127.0.0.1"));
    bank = OpensslServer.start(dir, server.certFile(), server.keyFile());
  }

  @AfterAll
  static void stopBank() throws Exception {
    if (bank != null) {
      bank.close();
    }
  }

  private static NodeFixture gateway(String provider, int port, String validation)
      throws Exception {
    String yaml =
        """
        trust:
          bank: {caFiles: [%s]}
        listeners:
          - name: to-bank
            mode: client
            bind: 127.0.0.1:%d
            target: 127.0.0.1:%d
            upstreamTls: {trust: bank%s}
        """
            .formatted(bankRoot.certFile(), port, bank.port(), validation);
    return NodeFixture.start(dir, provider, yaml);
  }

  @ParameterizedTest
  @ValueSource(strings = {"openssl", "jdk"})
  void strictListenerRefusesAServerWhoseCertificateLacksAuthorityKeyIdentifier(String provider)
      throws Exception {
    int port = Ports.free();
    try (LogCapture log = new LogCapture("dev.zengate.gateway.handshakes");
        NodeFixture node = gateway(provider, port, "");
        Socket socket = Peers.plain(port)) {
      assertTrue(Peers.closedWithoutData(socket));
      assertTrue(
          log.await(line -> line.contains("reason=certificate_nonconforming"))
              .contains("(rule aki-present, RFC 5280 4.2.1.1; a listener may relax it with"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"openssl", "jdk"})
  void listenerRelaxingMissingKeyIdentifiersRelaysToTheSameServer(String provider)
      throws Exception {
    int port = Ports.free();
    try (NodeFixture node =
            gateway(provider, port, ", validation: {relax: [missing-key-identifiers]}");
        Socket socket = Peers.plain(port)) {
      assertEquals("olleh\n", Peers.roundTrip(socket, "hello\n"));
    }
  }
}
