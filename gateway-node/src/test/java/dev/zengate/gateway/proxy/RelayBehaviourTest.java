package dev.zengate.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.bundle.testsupport.Ports;
import dev.zengate.gateway.testsupport.FirehoseServer;
import dev.zengate.gateway.testsupport.NodeFixture;
import dev.zengate.gateway.testsupport.TestPki;
import dev.zengate.gateway.testsupport.TestPki.Issued;
import dev.zengate.gateway.testsupport.TlsClients;
import java.io.InputStream;
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
