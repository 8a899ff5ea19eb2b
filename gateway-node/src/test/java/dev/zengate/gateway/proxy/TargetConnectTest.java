package dev.zengate.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.bundle.testsupport.Ports;
import dev.zengate.gateway.testsupport.EchoServer;
import dev.zengate.gateway.testsupport.LogCapture;
import dev.zengate.gateway.testsupport.NodeFixture;
import dev.zengate.gateway.testsupport.Peers;
import dev.zengate.gateway.testsupport.SilentTarget;
import dev.zengate.gateway.testsupport.StubNameServer;
import dev.zengate.gateway.testsupport.TestPki;
import dev.zengate.gateway.testsupport.TestPki.Issued;
import dev.zengate.gateway.testsupport.TlsClients;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reaching the target: names resolved off the event loop, and failures that close with a reason.
 */
class TargetConnectTest {

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

  static String config(int port, String target, String connectTimeout) {
    return """
        certificates:
          server: {chain: %s, key: %s}
        listeners:
          - name: reach
            mode: server
            bind: 127.0.0.1:%d
            target: %s
            downstreamTls: {certificate: server}
            limits: {connectTimeout: %s}
        """
        .formatted(server.chainFile(), server.keyFile(), port, target, connectTimeout);
  }

  @Test
  void targetThatNeverAnswersTheSynClosesTheClientAfterTheConnectTimeout() throws Exception {
    int port = Ports.free();
    try (LogCapture log = LogCapture.connections();
        SilentTarget target = new SilentTarget();
        NodeFixture node =
            NodeFixture.start(dir, "openssl", config(port, "127.0.0.1:" + target.port(), "500ms"));
        Socket client = Peers.tls(TlsClients.context(root, null), port)) {
      long start = System.nanoTime();
      assertEquals(-1, readOrEof(client.getInputStream()));
      long closedAfterMillis = (System.nanoTime() - start) / 1_000_000;
      // Well below the 5 s default, so the configured timeout is the one that fired.
      assertTrue(
          closedAfterMillis >= 400 && closedAfterMillis < 4000,
          "closed after " + closedAfterMillis + " ms");
      log.await(line -> line.contains("close=connect_failed:timeout_after_500ms"));
    }
  }

  @Test
  void hostNameTargetIsResolvedFromTheHostsFile() throws Exception {
    int port = Ports.free();
    try (EchoServer backend = EchoServer.plain();
        NodeFixture node =
            NodeFixture.start(dir, "openssl", config(port, "localhost:" + backend.port(), "2s"));
        Socket client = Peers.tls(TlsClients.context(root, null), port)) {
      assertEquals("over a name\n", Peers.roundTrip(client, "over a name\n"));
    }
  }

  /** Through a name server on loopback (node.dnsServers): no query leaves the machine. */
  @Test
  void unresolvableTargetClosesTheClientWithTheReasonLogged() throws Exception {
    int port = Ports.free();
    try (StubNameServer dns = new StubNameServer();
        LogCapture log = LogCapture.connections();
        NodeFixture node =
            NodeFixture.start(
                dir,
                "openssl",
                "  dnsServers: [127.0.0.1:%d]\n".formatted(dns.port())
                    + config(port, "no-such-host.invalid:443", "2s"));
        Socket client = Peers.tls(TlsClients.context(root, null), port)) {
      assertEquals(-1, readOrEof(client.getInputStream()));
      log.await(line -> line.contains("close=connect_failed:unknown_host:no-such-host.invalid"));
      assertTrue(dns.asked().contains("no-such-host.invalid"), dns.asked().toString());
    }
  }

  private static int readOrEof(InputStream in) {
    try {
      return in.read();
    } catch (IOException reset) {
      return -1;
    }
  }
}
