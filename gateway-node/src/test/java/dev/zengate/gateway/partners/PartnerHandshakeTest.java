package dev.zengate.gateway.partners;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zengate.bundle.testsupport.Ports;
import dev.zengate.gateway.testsupport.EchoServer;
import dev.zengate.gateway.testsupport.NodeFixture;
import dev.zengate.gateway.testsupport.Peers;
import dev.zengate.gateway.testsupport.TestPki;
import dev.zengate.gateway.testsupport.TestPki.Issued;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real partner (openssl s_client with its client certificate) shows in the node's status. */
class PartnerHandshakeTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void aClientCertificateFromARealHandshakeIsListedWithItsListener() throws Exception {
    TestPki pki = new TestPki(dir.resolve("pki"));
    Issued root = pki.rootCa("root");
    Issued server =
        pki.server(
            root, "server", TestPki.KeyType.EC_P256, List.of("localhost"), List.of("127.0.0.1"));
    Issued partnerRoot = pki.rootCa("partner-root");
    Issued partner = pki.client(partnerRoot, "partner-bank");
    int port = Ports.free();
    String body =
        """
        certificates:
          server:
            chain: %s
            key: %s
        trust:
          partners:
            caFiles: [%s]
        listeners:
          - name: zengin-inbound
            mode: server
            bind: 127.0.0.1:%d
            target: 127.0.0.1:%d
            downstreamTls:
              certificate: server
              clientAuth: required
              clientTrust: partners
        """;
    try (EchoServer backend = EchoServer.plain();
        NodeFixture node =
            NodeFixture.start(
                dir,
                "openssl",
                body.formatted(
                    server.chainFile(),
                    server.keyFile(),
                    partnerRoot.certFile(),
                    port,
                    backend.port()))) {
      Peers.sClient(
          port,
          "hello\n",
          "-cert",
          partner.certFile().toString(),
          "-key",
          partner.keyFile().toString());
      JsonNode seen = JSON.readTree(node.admin("GET", "/status").body()).get("partnerCertificates");
      assertEquals(1, seen.size(), seen.toString());
      JsonNode leaf = seen.get(0);
      assertEquals("zengin-inbound", leaf.get("listener").asText());
      assertEquals("client", leaf.get("peerRole").asText());
      assertEquals(0, leaf.get("position").asInt());
      assertEquals(
          partner.cert().getSubjectX500Principal().getName(), leaf.get("subject").asText());
      assertEquals(
          partner.cert().getNotAfter().toInstant().toString(), leaf.get("notAfter").asText());
    }
  }
}
