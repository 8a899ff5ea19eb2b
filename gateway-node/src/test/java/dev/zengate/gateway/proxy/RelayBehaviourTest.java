package dev.zengate.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.gateway.testsupport.EchoServer;
import dev.zengate.gateway.testsupport.FirehoseServer;
import dev.zengate.gateway.testsupport.NodeFixture;
import dev.zengate.gateway.testsupport.Peers;
import dev.zengate.gateway.testsupport.Ports;
import dev.zengate.gateway.testsupport.TestPki;
import dev.zengate.gateway.testsupport.TestPki.Issued;
import dev.zengate.gateway.testsupport.TlsClients;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Flow control and connection ends: what a relay must get right besides the bytes. */
class RelayBehaviourTest {

  @TempDir static Path dir;
  static Issued root;
  static Issued server;

  @BeforeAll
  static void pki() throws Exception {
    TestPki pki = new TestPki(dir.resolve("pki"));
    root = pki.rootCa("root");
    server =
        pki.server(
            root, "server", TestPki.KeyType.EC_P256, List.of("localhost"), List.of("127.0.0.1"));
  }

  static String config(int port, int target) {
    return """
        certificates:
          server:
            chain: %s
            key: %s
        listeners:
          - name: relay
            mode: server
            bind: 127.0.0.1:%d
            target: 127.0.0.1:%d
            downstreamTls:
              certificate: server
        """
        .formatted(server.chainFile(), server.keyFile(), port, target);
  }

  @ParameterizedTest
  @ValueSource(strings = {"openssl", "jdk"})
  void slowReaderStopsTheGatewayReadingFromTheTarget(String provider) throws Exception {
    long size = 64L * 1024 * 1024;
    int port = Ports.free();
    try (FirehoseServer firehose = new FirehoseServer(size);
        NodeFixture node = NodeFixture.start(dir, provider, config(port, firehose.port()));
        SSLSocket socket = smallWindowClient(port)) {
      Thread.sleep(1500);
      long relayedWhileIdle = bytesDownstream(node);
      // The gateway's socket send buffer (at most 4 MiB here), the client's 64 KiB window and the
      // 256 KiB high water mark: far below the 64 MiB the target is trying to push.
      assertTrue(relayedWhileIdle < 8L * 1024 * 1024, "relayed " + relayedWhileIdle);
      System.out.println("slow reader: gateway relayed " + relayedWhileIdle + " bytes while idle");
      long total = 0;
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[64 * 1024];
      int n;
      while (total < size && (n = in.read(buffer)) >= 0) {
        total += n;
      }
      assertEquals(size, total);
    }
  }

  /**
   * JDK provider only: Netty's BoringSSL engine treats close_notify (sent or received) as the end
   * of both directions, so TLS half-close is only honoured with {@code tlsProvider: jdk}.
   */
  @ParameterizedTest
  @ValueSource(strings = {"jdk"})
  void tlsClientHalfCloseReachesTheTargetAndTheReplyStillArrives(String provider) throws Exception {
    int port = Ports.free();
    try (EchoServer backend = EchoServer.plain();
        NodeFixture node = NodeFixture.start(dir, provider, config(port, backend.port()));
        SSLSocket socket = Peers.tls(TlsClients.context(root, null), port, "TLSv1.3")) {
      socket.getOutputStream().write("last words\n".getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      // TLS 1.3 half-close: close_notify from the client, while it keeps reading.
      socket.shutdownOutput();
      byte[] reply = socket.getInputStream().readAllBytes();
      assertEquals("last words\n", new String(reply, StandardCharsets.US_ASCII));
    }
  }

  /** JDK provider only, for the same reason as above (the upstream side sends close_notify). */
  @ParameterizedTest
  @ValueSource(strings = {"jdk"})
  void plaintextHalfCloseOnAVirtualClientStillDeliversTheReply(String provider) throws Exception {
    int port = Ports.free();
    try (EchoServer tlsBackend = EchoServer.tls(TlsClients.context(root, server))) {
      String yaml =
          """
          trust:
            roots:
              caFiles: [%s]
          listeners:
            - name: relay
              mode: client
              bind: 127.0.0.1:%d
              target: 127.0.0.1:%d
              upstreamTls:
                trust: roots
          """
              .formatted(root.certFile(), port, tlsBackend.port());
      try (NodeFixture node = NodeFixture.start(dir, provider, yaml);
          java.net.Socket socket = Peers.plain(port)) {
        socket.getOutputStream().write("bye\n".getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        socket.shutdownOutput();
        byte[] reply = socket.getInputStream().readAllBytes();
        assertEquals("bye\n", new String(reply, StandardCharsets.US_ASCII));
      }
    }
  }

  /**
   * A client whose receive buffer is fixed at 64 KiB: kernel autotuning (up to 32 MiB here) would
   * otherwise hide how much the gateway itself buffers.
   */
  private static SSLSocket smallWindowClient(int port) throws Exception {
    SSLSocket socket = (SSLSocket) TlsClients.context(root, null).getSocketFactory().createSocket();
    socket.setReceiveBufferSize(64 * 1024);
    socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5000);
    socket.setSoTimeout(10_000);
    socket.startHandshake();
    return socket;
  }

  private static long bytesDownstream(NodeFixture node) throws Exception {
    String metrics = node.admin("GET", "/metrics").body();
    Matcher m =
        Pattern.compile("zengate_bytes_total\\{direction=\"downstream\",listener=\"relay\"} (\\S+)")
            .matcher(metrics);
    return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
  }
}
