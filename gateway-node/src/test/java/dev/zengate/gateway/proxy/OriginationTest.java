package dev.zengate.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.bundle.testsupport.Ports;
import dev.zengate.gateway.testsupport.EchoServer;
import dev.zengate.gateway.testsupport.NodeFixture;
import dev.zengate.gateway.testsupport.Peers;
import dev.zengate.gateway.testsupport.TestPki;
import dev.zengate.gateway.testsupport.TestPki.Issued;
import dev.zengate.gateway.testsupport.TlsClients;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** TLS towards the target: client certificates for virtual clients, and re-encryption. */
class OriginationTest {

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"openssl", "jdk"})
  void virtualClientPresentsItsCertificateToAServerThatRequiresOne(String provider)
      throws Exception {
    TestPki pki = new TestPki(dir.resolve("pki"));
    Issued bankRoot = pki.rootCa("bank-root");
    Issued bank =
        pki.server(
            bankRoot, "bank", TestPki.KeyType.EC_P256, List.of("bank.test"), List.of("127.0.0.1"));
    Issued ourRoot = pki.rootCa("our-root");
    Issued ourClient = pki.client(ourRoot, "our-client");
    // The bank trusts our root for client certificates and presents its own server certificate.
    try (EchoServer bankServer = EchoServer.tls(TlsClients.context(ourRoot, bank), true)) {
      int withCert = Ports.free();
      int withoutCert = Ports.free();
      String yaml =
          """
          certificates:
            ours: {chain: %s, key: %s}
          trust:
            bank: {caFiles: [%s]}
          listeners:
            - name: with-cert
              mode: client
              bind: 127.0.0.1:%d
              target: 127.0.0.1:%d
              upstreamTls: {trust: bank, certificate: ours, verifyName: bank.test}
            - name: without-cert
              mode: client
              bind: 127.0.0.1:%d
              target: 127.0.0.1:%d
              upstreamTls: {trust: bank, verifyName: bank.test}
          """
              .formatted(
                  ourClient.chainFile(),
                  ourClient.keyFile(),
                  bankRoot.certFile(),
                  withCert,
                  bankServer.port(),
                  withoutCert,
                  bankServer.port());
      try (NodeFixture node = NodeFixture.start(dir, provider, yaml)) {
        try (Socket socket = Peers.plain(withCert)) {
          assertEquals("file\n", Peers.roundTrip(socket, "file\n"));
        }
        try (Socket socket = Peers.plain(withoutCert)) {
          assertTrue(Peers.closedWithoutData(socket));
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"openssl", "jdk"})
  void tlsToTlsTerminatesAndReEncrypts(String provider) throws Exception {
    TestPki pki = new TestPki(dir.resolve("pki"));
    Issued root = pki.rootCa("root");
    Issued gateway =
        pki.server(
            root, "gateway", TestPki.KeyType.EC_P256, List.of("localhost"), List.of("127.0.0.1"));
    Issued target =
        pki.server(
            root, "target", TestPki.KeyType.RSA_2048, List.of("localhost"), List.of("127.0.0.1"));
    try (EchoServer tlsTarget = EchoServer.tls(TlsClients.context(root, target))) {
      int port = Ports.free();
      String yaml =
          """
          certificates:
            gateway: {chain: %s, key: %s}
          trust:
            roots: {caFiles: [%s]}
          listeners:
            - name: reencrypt
              mode: tls-to-tls
              bind: 127.0.0.1:%d
              target: 127.0.0.1:%d
              downstreamTls: {certificate: gateway}
              upstreamTls: {trust: roots}
          """
              .formatted(
                  gateway.chainFile(), gateway.keyFile(), root.certFile(), port, tlsTarget.port());
      try (NodeFixture node = NodeFixture.start(dir, provider, yaml);
          SSLSocket socket = Peers.tls(TlsClients.context(root, null), port)) {
        assertEquals(
            "CN=gateway",
            ((java.security.cert.X509Certificate) socket.getSession().getPeerCertificates()[0])
                .getSubjectX500Principal()
                .getName());
        assertTrue(Peers.echoIntact(socket, 4L * 1024 * 1024));
      }
    }
  }
}
