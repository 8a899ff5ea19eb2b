package dev.zengate.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.bundle.testsupport.Ports;
import dev.zengate.gateway.testsupport.EchoServer;
import dev.zengate.gateway.testsupport.LogCapture;
import dev.zengate.gateway.testsupport.NodeFixture;
import dev.zengate.gateway.testsupport.Peers;
import dev.zengate.gateway.testsupport.TestPki;
import dev.zengate.gateway.testsupport.TestPki.Issued;
import dev.zengate.gateway.testsupport.TlsClients;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Black-box behaviour of virtual servers and virtual clients with real TLS peers (JDK sockets and
 * the openssl command), on both TLS providers.
 */
class TlsProxyTest {

  @TempDir static Path dir;
  static TestPki pki;
  static Issued root;
  static Issued intermediate;
  static Issued server;
  static Issued serverDnsOnly;
  static Issued partnerRoot;
  static Issued partner;
  static Issued expiredPartner;
  static Issued strangerRoot;
  static Issued stranger;
  static EchoServer plainBackend;

  @BeforeAll
  static void setUp() throws Exception {
    pki = new TestPki(dir.resolve("pki"));
    root = pki.rootCa("root");
    intermediate = pki.intermediateCa(root, "intermediate");
    server =
        pki.server(
            intermediate,
            "server",
            TestPki.KeyType.EC_P256,
            List.of("localhost"),
            List.of("127.0.0.1"));
    serverDnsOnly =
        pki.server(
            intermediate, "server-dns", TestPki.KeyType.EC_P256, List.of("localhost"), List.of());
    partnerRoot = pki.rootCa("partner-root");
    partner = pki.client(partnerRoot, "partner");
    expiredPartner = pki.expiredClient(partnerRoot, "expired-partner");
    strangerRoot = pki.rootCa("stranger-root");
    stranger = pki.client(strangerRoot, "stranger");
    plainBackend = EchoServer.plain();
  }

  @AfterAll
  static void tearDown() throws Exception {
    plainBackend.close();
  }

  static String certificates() {
    return """
        certificates:
          server:
            chain: %s
            key: %s
          server-dns:
            chain: %s
            key: %s
        trust:
          partners:
            caFiles: [%s]
          roots:
            caFiles: [%s]
        """
        .formatted(
            server.chainFile(),
            server.keyFile(),
            serverDnsOnly.chainFile(),
            serverDnsOnly.keyFile(),
            partnerRoot.certFile(),
            root.certFile());
  }

  static String serverListener(String name, int port, int target, String extraTls) {
    return """
          - name: %s
            mode: server
            bind: 127.0.0.1:%d
            target: 127.0.0.1:%d
            downstreamTls:
              certificate: server
        %s"""
        .formatted(name, port, target, extraTls);
  }

  static NodeFixture start(String provider, String listeners) throws Exception {
    return NodeFixture.start(dir, provider, certificates() + "listeners:\n" + listeners);
  }

  @ParameterizedTest
  @ValueSource(strings = {"openssl", "jdk"})
  void virtualServerRelays64MiBBothWaysIntact(String provider) throws Exception {
    int port = Ports.free();
    try (NodeFixture node = start(provider, serverListener("bulk", port, plainBackend.port(), ""));
        SSLSocket socket = Peers.tls(TlsClients.context(root, null), port)) {
      assertTrue(Peers.echoIntact(socket, 64L * 1024 * 1024));
      String metrics = node.admin("GET", "/metrics").body();
      assertTrue(
          metrics.contains(
              "zengate_bytes_total{direction=\"upstream\",listener=\"bulk\"} 6.7108864E7"),
          metrics);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"openssl", "jdk"})
  void requiredClientAuthAcceptsTrustedAndRejectsMissingForeignOrExpiredCertificates(
      String provider) throws Exception {
    int port = Ports.free();
    String mtls = "      clientAuth: required\n      clientTrust: partners\n";
    try (NodeFixture node =
        start(provider, serverListener("mtls", port, plainBackend.port(), mtls))) {
      try (SSLSocket ok = Peers.tls(TlsClients.context(root, partner), port)) {
        assertEquals("ping\n", Peers.roundTrip(ok, "ping\n"));
      }
      assertRejected(TlsClients.context(root, null), port);
      // A JDK client withholds a certificate the server's CA list does not name; openssl sends it.
      Peers.sClient(
          port,
          "",
          "-cert",
          stranger.chainFile().toString(),
          "-key",
          stranger.keyFile().toString());
      assertRejected(TlsClients.context(root, expiredPartner), port);
      String metrics = node.metricsWith("reason=\"certificate_expired\"", "reason=\"unknown_ca\"");
      assertTrue(metrics.contains("reason=\"certificate_expired\""), metrics);
      assertTrue(metrics.contains("reason=\"unknown_ca\""), metrics);
    }
  }

  private static void assertRejected(SSLContext client, int port) {
    // With TLS 1.3 the client learns of the rejection only at its first read.
    assertThrows(
        Exception.class,
        () -> {
          try (SSLSocket socket = Peers.tls(client, port)) {
            String back = Peers.roundTrip(socket, "ping\n");
            if (back.isEmpty()) {
              throw new java.io.EOFException("closed");
            }
          }
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"openssl", "jdk"})
  void configuredSuiteAndVersionAreNegotiatedAndOthersRefused(String provider) throws Exception {
    int port = Ports.free();
    String policy =
        "      protocols: [TLSv1.2]\n      cipherSuites: [ECDHE-ECDSA-AES256-GCM-SHA384]\n";
    try (NodeFixture node =
        start(provider, serverListener("strict", port, plainBackend.port(), policy))) {
      Peers.OpensslResult ok =
          Peers.sClient(port, "", "-tls1_2", "-cipher", "ECDHE-ECDSA-AES256-GCM-SHA384");
      assertEquals(0, ok.exit(), ok.output());
      assertTrue(ok.output().contains("ECDHE-ECDSA-AES256-GCM-SHA384"), ok.output());
      Peers.OpensslResult otherSuite =
          Peers.sClient(port, "", "-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-GCM-SHA256");
      assertNotEquals(0, otherSuite.exit(), otherSuite.output());
      Peers.OpensslResult tls13 = Peers.sClient(port, "", "-tls1_3");
      assertNotEquals(0, tls13.exit(), tls13.output());
      String metrics =
          node.metricsWith("reason=\"no_shared_cipher\"", "reason=\"unsupported_version\"");
      assertTrue(metrics.contains("reason=\"no_shared_cipher\""), metrics);
      assertTrue(metrics.contains("reason=\"unsupported_version\""), metrics);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"openssl", "jdk"})
  void virtualClientVerifiesIpSanAndRefusesCertificateWithoutIt(String provider) throws Exception {
    SSLContext goodServer = TlsClients.context(root, server);
    SSLContext dnsOnlyServer = TlsClients.context(root, serverDnsOnly);
    try (EchoServer good = EchoServer.tls(goodServer);
        EchoServer dnsOnly = EchoServer.tls(dnsOnlyServer)) {
      int okPort = Ports.free();
      int badPort = Ports.free();
      String listeners =
          """
            - name: ip-ok
              mode: client
              bind: 127.0.0.1:%d
              target: 127.0.0.1:%d
              upstreamTls:
                trust: roots
                verifyName: 127.0.0.1
            - name: ip-missing
              mode: client
              bind: 127.0.0.1:%d
              target: 127.0.0.1:%d
              upstreamTls:
                trust: roots
          """
              .formatted(okPort, good.port(), badPort, dnsOnly.port());
      try (NodeFixture node = start(provider, listeners)) {
        try (Socket socket = Peers.plain(okPort)) {
          assertEquals("zengin\n", Peers.roundTrip(socket, "zengin\n"));
        }
        try (Socket socket = Peers.plain(badPort)) {
          assertTrue(Peers.closedWithoutData(socket));
        }
        String expected = "reason=\"name_mismatch\",result=\"failure\",side=\"upstream\"";
        String metrics = node.metricsWith(expected);
        assertTrue(metrics.contains(expected), metrics);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"openssl"})
  void outgoingConnectionsUseTheConfiguredSourceAddress(String provider) throws Exception {
    int port = Ports.free();
    try (NodeFixture node =
        start(
            provider,
            serverListener("snat", port, plainBackend.port(), "")
                + "    sourceAddress: 127.0.0.2\n")) {
      try (SSLSocket socket = Peers.tls(TlsClients.context(root, null), port)) {
        assertEquals("x\n", Peers.roundTrip(socket, "x\n"));
      }
      assertTrue(
          plainBackend.peers().stream()
              .anyMatch(a -> a.getAddress().getHostAddress().equals("127.0.0.2")),
          plainBackend.peers().toString());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"openssl"})
  void backendDownClosesTheClientConnection(String provider) throws Exception {
    int port = Ports.free();
    int nothing = Ports.free();
    try (NodeFixture node = start(provider, serverListener("down", port, nothing, ""));
        SSLSocket socket = Peers.tls(TlsClients.context(root, null), port)) {
      assertTrue(Peers.closedWithoutData(socket));
      assertTrue(node.node.engine().allBound());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"openssl"})
  void maxConnectionsClosesConnectionsBeyondTheLimit(String provider) throws Exception {
    int port = Ports.free();
    String limits = "    limits:\n      maxConnections: 1\n";
    try (NodeFixture node =
            start(provider, serverListener("capped", port, plainBackend.port(), "") + limits);
        SSLSocket first = Peers.tls(TlsClients.context(root, null), port)) {
      assertEquals("a\n", Peers.roundTrip(first, "a\n"));
      assertThrows(
          Exception.class,
          () -> {
            try (SSLSocket second = Peers.tls(TlsClients.context(root, null), port)) {
              if (Peers.roundTrip(second, "b\n").isEmpty()) {
                throw new java.io.EOFException("closed");
              }
            }
          });
      assertEquals("c\n", Peers.roundTrip(first, "c\n"));
    }
  }

  @Test
  void aFloodOverMaxConnectionsWritesOneLogLine() throws Exception {
    int port = Ports.free();
    String limits = "    limits:\n      maxConnections: 1\n";
    try (LogCapture log = LogCapture.connections();
        NodeFixture node =
            start("openssl", serverListener("capped", port, plainBackend.port(), "") + limits);
        SSLSocket first = Peers.tls(TlsClients.context(root, null), port)) {
      assertEquals("a\n", Peers.roundTrip(first, "a\n"));
      for (int i = 0; i < 200; i++) {
        try (java.net.Socket refused = new java.net.Socket("127.0.0.1", port)) {
          refused.getInputStream().read(); // closed by the gateway
        }
      }
      long lines =
          log.lines().stream().filter(line -> line.startsWith("connection_rejected")).count();
      assertEquals(1, lines, String.join("\n", log.lines()));
      assertEquals("b\n", Peers.roundTrip(first, "b\n"));
    }
  }
}
