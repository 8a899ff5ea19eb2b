package dev.zengate.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.bundle.testsupport.Ports;
import dev.zengate.gateway.testsupport.LogCapture;
import dev.zengate.gateway.testsupport.NodeFixture;
import dev.zengate.gateway.testsupport.OpensslServer;
import dev.zengate.gateway.testsupport.Peers;
import dev.zengate.gateway.testsupport.TestPki;
import dev.zengate.gateway.testsupport.TestPki.Issued;
import dev.zengate.gateway.testsupport.TlsClients;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which certificate a virtual client presents (F5, F13), seen by a real {@code openssl s_server
 * -Verify} partner: by the target's address, by the internal client's address, the listener's own
 * certificate for internal clients that have none (also behind TLS-to-TLS), and the one issued
 * under a CA named in the server's CertificateRequest.
 */
class ClientIdentityTest {

  @TempDir static Path dir;

  static Issued partnerRoot;
  static Issued rootA;
  static Issued rootB;
  static Issued certA;
  static Issued certB;
  static Issued internalServer;
  static Path bothRoots;

  /** Trusts root A and root B: shows whichever certificate arrives. */
  static OpensslServer partnerTrustingBoth;

  /** Trusts root B only, and names it in its CertificateRequest. */
  static OpensslServer partnerTrustingB;

  @BeforeAll
  static void start() throws Exception {
    TestPki pki = new TestPki(dir.resolve("pki"));
    partnerRoot = pki.rootCa("partner-root");
    Issued partner =
        pki.server(
            partnerRoot,
            "partner",
            TestPki.KeyType.EC_P256,
            List.of("partner.test"),
            List.of("127.0.0.1"));
    rootA = pki.rootCa("root-a");
    rootB = pki.rootCa("root-b");
    certA = pki.client(rootA, "gateway-for-a");
    certB = pki.client(rootB, "gateway-for-b");
    internalServer =
        pki.server(
            rootA, "gateway-inside", TestPki.KeyType.EC_P256, List.of(), List.of("127.0.0.1"));
    bothRoots = dir.resolve("both-roots.pem");
    Files.writeString(
        bothRoots, Files.readString(rootA.certFile()) + Files.readString(rootB.certFile()));
    partnerTrustingBoth =
        OpensslServer.start(
            dir,
            partner.chainFile(),
            partner.keyFile(),
            "-Verify",
            "2",
            "-CAfile",
            bothRoots.toString());
    partnerTrustingB =
        OpensslServer.start(
            dir,
            partner.chainFile(),
            partner.keyFile(),
            "-Verify",
            "2",
            "-CAfile",
            rootB.certFile().toString());
  }

  @AfterAll
  static void stop() throws Exception {
    partnerTrustingBoth.close();
    partnerTrustingB.close();
  }

  private static String certificates() {
    return """
        certificates:
          for-a: {chain: %s, key: %s}
          for-b: {chain: %s, key: %s}
          inside: {chain: %s, key: %s}
        trust:
          partner: {caFiles: [%s]}
        listeners:
        """
        .formatted(
            certA.chainFile(),
            certA.keyFile(),
            certB.chainFile(),
            certB.keyFile(),
            internalServer.chainFile(),
            internalServer.keyFile(),
            partnerRoot.certFile());
  }

  private static String clientListener(String name, int port, OpensslServer target, String tls) {
    return """
          - name: %s
            mode: client
            bind: 127.0.0.1:%d
            target: 127.0.0.1:%d
            upstreamTls: {trust: partner, %s}
        """
        .formatted(name, port, target.port(), tls);
  }

  /** One line through the gateway from {@code source}; s_server -rev answers it reversed. */
  private static String exchange(int port, String source) throws Exception {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(10_000);
      return Peers.roundTrip(socket, "zengin\n");
    }
  }

  /**
   * Sends one line through {@code listener} from {@code source} and checks which certificate the
   * gateway logged as presented and the partner received.
   */
  private static void assertPresents(
      int port, String source, String listener, String subject, OpensslServer partner)
      throws Exception {
    int mark = partner.mark();
    try (LogCapture connections = LogCapture.connections()) {
      assertEquals("nignez\n", exchange(port, source));
      String line =
          connections.await(l -> l.contains("listener=" + listener + " ") && l.contains("close="));
      assertTrue(line.contains("presented_cert=\"CN=" + subject + "\""), line);
    }
    String seen = partner.awaitLogAfter(mark, "CN = " + subject);
    assertTrue(seen.contains("CN = " + subject), seen);
  }

  @ParameterizedTest
  @ValueSource(strings = {"openssl", "jdk"})
  void certificateIsChosenByTheTargetAddressThenTheInternalClientsAddress(String provider)
      throws Exception {
    int byDestination = Ports.free();
    int bySource = Ports.free();
    String yaml =
        certificates()
            + clientListener(
                "by-destination",
                byDestination,
                partnerTrustingBoth,
                "certificateRules: [{destination: 192.0.2.0/24, certificate: for-a},"
                    + " {destination: 127.0.0.1, certificate: for-b}]")
            + clientListener(
                "by-source",
                bySource,
                partnerTrustingBoth,
                "certificate: for-a, certificateRules: [{source: 127.0.0.7, certificate: for-b}]");
    try (NodeFixture node = NodeFixture.start(dir, provider, yaml)) {
      assertPresents(
          byDestination, "127.0.0.1", "by-destination", "gateway-for-b", partnerTrustingBoth);
      assertPresents(bySource, "127.0.0.7", "by-source", "gateway-for-b", partnerTrustingBoth);
      // No rule for this internal client: the listener's own certificate (delegated identity).
      assertPresents(bySource, "127.0.0.8", "by-source", "gateway-for-a", partnerTrustingBoth);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"openssl", "jdk"})
  void automaticChoiceFollowsTheCasNamedInTheCertificateRequest(String provider) throws Exception {
    int automatic = Ports.free();
    int none = Ports.free();
    String yaml =
        certificates()
            + clientListener("automatic", automatic, partnerTrustingB, "automaticCertificate: true")
            + clientListener("no-identity", none, partnerTrustingB, "verifyName: 127.0.0.1");
    try (LogCapture connections = LogCapture.connections();
        NodeFixture node = NodeFixture.start(dir, provider, yaml)) {
      // for-a comes first in the file, but only root B is asked for.
      assertPresents(automatic, "127.0.0.1", "automatic", "gateway-for-b", partnerTrustingB);
      // Without any certificate configured the server, which requires one, refuses.
      try (Socket socket = Peers.plain(none)) {
        assertTrue(Peers.closedWithoutData(socket));
      }
      String refused =
          connections.await(l -> l.contains("listener=no-identity ") && l.contains("close="));
      // With TLS 1.3 the server's certificate_required alert comes after the client finished.
      assertTrue(refused.toLowerCase().contains("certificate_required"), refused);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"openssl", "jdk"})
  void tlsToTlsPresentsTheGatewaysCertificateForAnInternalClientWithoutOne(String provider)
      throws Exception {
    int port = Ports.free();
    String yaml =
        certificates()
            + """
              - name: re-encrypt
                mode: tls-to-tls
                bind: 127.0.0.1:%d
                target: 127.0.0.1:%d
                downstreamTls: {certificate: inside}
                upstreamTls: {trust: partner, certificate: for-b}
            """
                .formatted(port, partnerTrustingB.port());
    try (LogCapture connections = LogCapture.connections();
        NodeFixture node = NodeFixture.start(dir, provider, yaml)) {
      int mark = partnerTrustingB.mark();
      try (SSLSocket socket = Peers.tls(TlsClients.context(rootA, null), port)) {
        assertEquals("nignez\n", Peers.roundTrip(socket, "zengin\n"));
      }
      String line =
          connections.await(l -> l.contains("listener=re-encrypt ") && l.contains("close="));
      assertTrue(line.contains("presented_cert=\"CN=gateway-for-b\""), line);
      assertTrue(line.contains("peer_cert=-"), line);
      String seen = partnerTrustingB.awaitLogAfter(mark, "CN = gateway-for-b");
      assertTrue(seen.contains("CN = gateway-for-b"), seen);
    }
  }
}
