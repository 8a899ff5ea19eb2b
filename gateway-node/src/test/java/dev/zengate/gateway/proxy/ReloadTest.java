package dev.zengate.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.bundle.testsupport.Ports;
import dev.zengate.gateway.testsupport.EchoServer;
import dev.zengate.gateway.testsupport.NodeFixture;
import dev.zengate.gateway.testsupport.Peers;
import dev.zengate.gateway.testsupport.TestPki;
import dev.zengate.gateway.testsupport.TestPki.Issued;
import dev.zengate.gateway.testsupport.TlsClients;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hot reload through the admin endpoint: applied whole, or rejected whole. */
class ReloadTest {

  @TempDir Path dir;

  static String config(Issued server, int port, int target, String extra) {
    return """
        certificates:
          server:
            chain: %s
            key: %s
        listeners:
          - name: first
            mode: server
            bind: 127.0.0.1:%d
            target: 127.0.0.1:%d
            downstreamTls:
              certificate: server
        %s"""
        .formatted(server.chainFile(), server.keyFile(), port, target, extra);
  }

  @Test
  void reloadKeepsEstablishedConnectionsAndInvalidReloadKeepsTheOldConfig() throws Exception {
    TestPki pki = new TestPki(dir.resolve("pki"));
    Issued root = pki.rootCa("root");
    Issued server =
        pki.server(
            root, "server", TestPki.KeyType.EC_P256, List.of("localhost"), List.of("127.0.0.1"));
    Issued rsaServer =
        pki.server(
            root,
            "server-rsa",
            TestPki.KeyType.RSA_2048,
            List.of("localhost"),
            List.of("127.0.0.1"));
    int port = Ports.free();
    int addedPort = Ports.free();
    try (EchoServer backend = EchoServer.plain();
        NodeFixture node =
            NodeFixture.start(dir, "openssl", config(server, port, backend.port(), ""))) {
      assertEquals(200, node.admin("GET", "/health").statusCode());
      String versionBefore = node.node.reloader().current().version();
      try (SSLSocket established = Peers.tls(TlsClients.context(root, null), port)) {
        assertEquals("before\n", Peers.roundTrip(established, "before\n"));

        // New certificate for the same listener, plus a new plaintext-to-TLS-free listener.
        String added =
            "  - name: second\n    mode: server\n    bind: 127.0.0.1:%d\n    target: 127.0.0.1:%d\n    downstreamTls:\n      certificate: server\n"
                .formatted(addedPort, backend.port());
        node.rewrite("openssl", config(rsaServer, port, backend.port(), added));
        HttpResponse<String> applied = node.admin("POST", "/reload");
        assertEquals(200, applied.statusCode(), applied.body());

        assertEquals("after\n", Peers.roundTrip(established, "after\n"));
        try (SSLSocket fresh = Peers.tls(TlsClients.context(root, null), port)) {
          String keyType =
              fresh.getSession().getPeerCertificates()[0].getPublicKey().getAlgorithm();
          assertEquals("RSA", keyType);
        }
        try (Socket second = Peers.tls(TlsClients.context(root, null), addedPort)) {
          assertEquals("new\n", Peers.roundTrip(second, "new\n"));
        }

        node.rewrite(
            "openssl", "listeners: [ {name: broken, mode: server, bind: '127.0.0.1:99999'} ]\n");
        HttpResponse<String> rejected = node.admin("POST", "/reload");
        assertEquals(422, rejected.statusCode());
        assertTrue(rejected.body().contains("port 99999 out of range"), rejected.body());
        assertEquals("still\n", Peers.roundTrip(established, "still\n"));
        try (Socket second = Peers.tls(TlsClients.context(root, null), addedPort)) {
          assertEquals("ok\n", Peers.roundTrip(second, "ok\n"));
        }
      }
      String status = node.admin("GET", "/status").body();
      assertTrue(status.contains("\"node\" : \"test-node\""), status);
      assertTrue(status.contains("\"lastRejectedReload\""), status);
      assertFalse(status.contains(versionBefore), status);
      String metrics = node.admin("GET", "/metrics").body();
      assertTrue(
          metrics.contains("zengate_connections_total{listener=\"first\",outcome=\"accepted\"}"),
          metrics);
      assertTrue(metrics.contains("zengate_handshake_seconds_bucket"), metrics);
      assertTrue(metrics.contains("zengate_connections_active"), metrics);
    }
  }
}
