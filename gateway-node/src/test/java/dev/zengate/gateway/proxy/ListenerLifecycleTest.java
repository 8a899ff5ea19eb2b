package dev.zengate.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.bundle.testsupport.Ports;
import dev.zengate.gateway.testsupport.EchoServer;
import dev.zengate.gateway.testsupport.NodeFixture;
import dev.zengate.gateway.testsupport.Peers;
import dev.zengate.gateway.testsupport.TestPki;
import dev.zengate.gateway.testsupport.TestPki.Issued;
import dev.zengate.gateway.testsupport.TlsClients;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many listeners per node, and what happens to a listener that a reload removes. */
class ListenerLifecycleTest {

  @TempDir Path dir;

  private String certificate(Issued server) {
    return "certificates:\n  server: {chain: %s, key: %s}\n"
        .formatted(server.chainFile(), server.keyFile());
  }

  private static String listener(String name, int port, int target) {
    return "  - {name: %s, mode: server, bind: 127.0.0.1:%d, target: 127.0.0.1:%d, downstreamTls: {certificate: server}}\n"
        .formatted(name, port, target);
  }

  @Test
  void threeHundredListenersOnOneNodeAllServe() throws Exception {
    TestPki pki = new TestPki(dir.resolve("pki"));
    Issued root = pki.rootCa("root");
    Issued server =
        pki.server(
            root, "server", TestPki.KeyType.EC_P256, List.of("localhost"), List.of("127.0.0.1"));
    List<Integer> ports = new ArrayList<>();
    StringBuilder yaml = new StringBuilder(certificate(server)).append("listeners:\n");
    try (EchoServer backend = EchoServer.plain()) {
      ports.addAll(Ports.freeOutsideEphemeralRange(300));
      for (int i = 0; i < ports.size(); i++) {
        yaml.append(listener("vs-" + (i + 1), ports.get(i), backend.port()));
      }
      try (NodeFixture node = NodeFixture.start(dir, "openssl", yaml.toString())) {
        assertEquals(300, node.node.engine().status().size());
        assertTrue(node.node.engine().allBound());
        for (int i : new int[] {0, 149, 299}) {
          try (SSLSocket socket = Peers.tls(TlsClients.context(root, null), ports.get(i))) {
            assertEquals("n\n", Peers.roundTrip(socket, "n\n"));
          }
        }
      }
    }
  }

  @Test
  void removedListenerStopsAcceptingButDrainsItsEstablishedConnections() throws Exception {
    TestPki pki = new TestPki(dir.resolve("pki"));
    Issued root = pki.rootCa("root");
    Issued server =
        pki.server(
            root, "server", TestPki.KeyType.EC_P256, List.of("localhost"), List.of("127.0.0.1"));
    int kept = Ports.free();
    int removed = Ports.free();
    try (EchoServer backend = EchoServer.plain();
        NodeFixture node =
            NodeFixture.start(
                dir,
                "openssl",
                certificate(server)
                    + "listeners:\n"
                    + listener("kept", kept, backend.port())
                    + listener("removed", removed, backend.port()))) {
      try (SSLSocket established = Peers.tls(TlsClients.context(root, null), removed)) {
        assertEquals("1\n", Peers.roundTrip(established, "1\n"));
        node.rewrite(
            "openssl",
            certificate(server) + "listeners:\n" + listener("kept", kept, backend.port()));
        assertEquals(200, node.admin("POST", "/reload").statusCode());

        assertThrows(
            ConnectException.class,
            () -> Peers.tls(TlsClients.context(root, null), removed).close());
        // Within the drain timeout (2 s in the fixture) the old connection still works.
        assertEquals("2\n", Peers.roundTrip(established, "2\n"));
        Thread.sleep(3000);
        assertTrue(closed(established), "connection should be closed after the drain timeout");
      }
    }
  }

  private static boolean closed(SSLSocket socket) {
    try {
      return socket.getInputStream().read() < 0;
    } catch (IOException e) {
      return true;
    }
  }
}
