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
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Handshake and idle timeouts close connections that would otherwise hold resources forever. */
class TimeoutsTest {

  @TempDir Path dir;

  @Test
  void silentPeerIsDroppedAfterTheHandshakeTimeoutAndIdleConnectionAfterTheIdleTimeout()
      throws Exception {
    TestPki pki = new TestPki(dir.resolve("pki"));
    Issued root = pki.rootCa("root");
    Issued server =
        pki.server(
            root, "server", TestPki.KeyType.EC_P256, List.of("localhost"), List.of("127.0.0.1"));
    int port = Ports.free();
    try (EchoServer backend = EchoServer.plain()) {
      String yaml =
          """
          certificates:
            server: {chain: %s, key: %s}
          listeners:
            - name: timed
              mode: server
              bind: 127.0.0.1:%d
              target: 127.0.0.1:%d
              downstreamTls: {certificate: server}
              limits: {handshakeTimeout: 500ms, idleTimeout: 1s}
          """
              .formatted(server.chainFile(), server.keyFile(), port, backend.port());
      try (NodeFixture node = NodeFixture.start(dir, "openssl", yaml)) {
        long start = System.nanoTime();
        try (Socket silent = Peers.plain(port)) {
          assertEquals(-1, readOrEof(silent.getInputStream()));
        }
        long handshakeMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(
            handshakeMillis >= 400 && handshakeMillis < 5000,
            "closed after " + handshakeMillis + " ms");

        try (SSLSocket idle = Peers.tls(TlsClients.context(root, null), port)) {
          assertEquals("x\n", Peers.roundTrip(idle, "x\n"));
          long idleStart = System.nanoTime();
          assertEquals(-1, readOrEof(idle.getInputStream()));
          long idleMillis = (System.nanoTime() - idleStart) / 1_000_000;
          assertTrue(idleMillis >= 800 && idleMillis < 6000, "closed after " + idleMillis + " ms");
        }
        String metrics = node.admin("GET", "/metrics").body();
        assertTrue(metrics.contains("reason=\"timeout\""), metrics);
      }
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
