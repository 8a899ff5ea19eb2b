package dev.zengate.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zengate.bundle.testsupport.Ports;
import dev.zengate.gateway.testsupport.EchoServer;
import dev.zengate.gateway.testsupport.NodeFixture;
import dev.zengate.gateway.testsupport.Peers;
import dev.zengate.gateway.testsupport.TestPki;
import dev.zengate.gateway.testsupport.TestPki.Issued;
import dev.zengate.gateway.testsupport.TlsClients;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every supported server key type completes TLS 1.2 and TLS 1.3 handshakes on both providers. */
class KeyTypesTest {

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"openssl", "jdk"})
  void serverCertificatesOfEverySupportedKeyTypeHandshakeOverTls12AndTls13(String provider)
      throws Exception {
    TestPki pki = new TestPki(dir.resolve("pki"));
    Issued root = pki.rootCa("root");
    Map<String, Integer> ports = new LinkedHashMap<>();
    StringBuilder certificates = new StringBuilder("certificates:\n");
    StringBuilder listeners = new StringBuilder("listeners:\n");
    try (EchoServer backend = EchoServer.plain()) {
      for (TestPki.KeyType type : TestPki.KeyType.values()) {
        String name = type.name().toLowerCase().replace('_', '-');
        Issued server = pki.server(root, name, type, List.of("localhost"), List.of("127.0.0.1"));
        int port = Ports.free();
        ports.put(name, port);
        certificates.append(
            "  %s: {chain: %s, key: %s}\n".formatted(name, server.chainFile(), server.keyFile()));
        listeners.append(
            "  - {name: %s, mode: server, bind: 127.0.0.1:%d, target: 127.0.0.1:%d, downstreamTls: {certificate: %s}}\n"
                .formatted(name, port, backend.port(), name));
      }
      try (NodeFixture node =
          NodeFixture.start(dir, provider, certificates + listeners.toString())) {
        for (var entry : ports.entrySet()) {
          for (String version : new String[] {"TLSv1.2", "TLSv1.3"}) {
            try (SSLSocket socket =
                Peers.tls(TlsClients.context(root, null), entry.getValue(), version)) {
              assertEquals(version, socket.getSession().getProtocol(), entry.getKey());
              assertEquals("k\n", Peers.roundTrip(socket, "k\n"), entry.getKey() + " " + version);
            }
          }
        }
      }
    }
  }
}
