package dev.zengate.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.bundle.testsupport.Ports;
import dev.zengate.gateway.testsupport.EchoServer;
import dev.zengate.gateway.testsupport.LogCapture;
import dev.zengate.gateway.testsupport.NodeFixture;
import dev.zengate.gateway.testsupport.Peers;
import dev.zengate.gateway.testsupport.TestPki;
import dev.zengate.gateway.testsupport.TestPki.Issued;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * F14 legacy bridging with a real TLS 1.0 client (openssl s_client -tls1, as the old internal
 * client of seed 004): accepted on an internal listener configured for it, refused on a default one
 * with the reason in plain words in the log and the metrics. On both TLS providers.
 */
class LegacyBridgingTest {

  /** Debian's OpenSSL 3 refuses TLS 1.0 at its default security level. */
  private static final String[] TLS10_CLIENT = {"-tls1", "-cipher", "DEFAULT@SECLEVEL=0"};

  @TempDir static Path dir;
  static Issued root;
  static Issued server;
  static EchoServer backend;

  @BeforeAll
  static void setUp() throws Exception {
    TestPki pki = new TestPki(dir.resolve("pki"));
    root = pki.rootCa("root");
    // RSA, as the old client's suite TLS_RSA_WITH_AES_128_CBC_SHA needs.
    server =
        pki.server(
            root, "server", TestPki.KeyType.RSA_2048, List.of("localhost"), List.of("127.0.0.1"));
    backend = EchoServer.plain();
  }

  @AfterAll
  static void tearDown() throws Exception {
    backend.close();
  }

  private static NodeFixture start(String provider, int internalPort, int defaultPort)
      throws Exception {
    return NodeFixture.start(
        dir,
        provider,
        """
        certificates:
          server: {chain: %s, key: %s}
        listeners:
          - name: legacy-in
            mode: server
            bind: 127.0.0.1:%d
            target: 127.0.0.1:%d
            downstreamTls:
              certificate: server
              internal: true
              protocols: [TLSv1, TLSv1.2]
          - name: default-in
            mode: server
            bind: 127.0.0.1:%d
            target: 127.0.0.1:%d
            downstreamTls:
              certificate: server
        """
            .formatted(
                server.chainFile(),
                server.keyFile(),
                internalPort,
                backend.port(),
                defaultPort,
                backend.port()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"openssl", "jdk"})
  void tls10ClientIsRelayedByAnInternalListenerConfiguredForIt(String provider) throws Exception {
    int internalPort = Ports.free();
    try (LogCapture log = new LogCapture("dev.zengate.gateway.connections");
        NodeFixture node = start(provider, internalPort, Ports.free())) {
      String echoed = echoThroughOpenssl(internalPort, "old-client-ping", TLS10_CLIENT);
      assertTrue(echoed.contains("Protocol version: TLSv1\n"), echoed);

      String line =
          log.await(l -> l.startsWith("connection listener=legacy-in") && l.contains(" tls="));
      assertTrue(line.contains(" tls=TLSv1 "), line);
      // Old clients have only CBC suites with SHA-1 MACs: the legacy defaults must be enabled.
      assertTrue(line.matches(".* suite=TLS_\\w+_CBC_SHA .*"), line);
      assertTrue(line.contains(" bytes_up=16 bytes_down=16 "), line);

      // The seed's client: Windows 7 .NET, TLS 1.0 with TLS_RSA_WITH_AES_128_CBC_SHA.
      String seedSuite =
          echoThroughOpenssl(internalPort, "seed-004", "-tls1", "-cipher", "AES128-SHA@SECLEVEL=0");
      assertTrue(seedSuite.contains("Ciphersuite: AES128-SHA"), seedSuite);

      // The same listener still gives TLS 1.2 clients an AEAD suite.
      String modern = echoThroughOpenssl(internalPort, "new-client", "-tls1_2");
      assertTrue(modern.contains("Protocol version: TLSv1.2"), modern);
      assertTrue(modern.contains("-GCM-") || modern.contains("CHACHA20"), modern);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"openssl", "jdk"})
  void tls10ClientIsRefusedByADefaultListenerAndTheReasonIsExplained(String provider)
      throws Exception {
    int defaultPort = Ports.free();
    try (LogCapture log = new LogCapture("dev.zengate.gateway.handshakes");
        NodeFixture node = start(provider, Ports.free(), defaultPort)) {
      Peers.OpensslResult refused = Peers.sClient(defaultPort, "", TLS10_CLIENT);
      assertNotEquals(0, refused.exit(), refused.output());

      String line = log.await(l -> l.startsWith("handshake_failed listener=default-in"));
      assertTrue(line.contains(" reason=unsupported_version "), line);
      assertTrue(line.contains(" client_offered=\"versions=TLSv1;suites="), line);
      assertTrue(line.contains(" allowed=\"versions=TLSv1.2,TLSv1.3;suites=ECDHE-"), line);
      assertTrue(line.matches(".* allowed=\"[^\"]*ECDHE-RSA-AES128-GCM-SHA256.*"), line);
      assertTrue(
          line.contains(
              "detail=\"no TLS version in common: the client offered TLSv1 only,"
                  + " this listener allows TLSv1.2, TLSv1.3 ("),
          line);

      String metrics = node.admin("GET", "/metrics").body();
      assertTrue(
          metrics.contains(
              "zengate_handshakes_total{listener=\"default-in\",reason=\"unsupported_version\","
                  + "result=\"failure\",side=\"downstream\"} 1.0"),
          metrics);
      // The status JSON explains it too: "why was this partner refused?" without the logs.
      String status = node.admin("GET", "/status").body();
      assertTrue(status.contains("\"recentHandshakeFailures\""), status);
      assertTrue(
          status.contains("no TLS version in common: the client offered TLSv1 only"), status);
      assertTrue(status.contains("\"offered\" : \"versions=TLSv1;suites="), status);
    }
  }

  /**
   * Sends {@code text} through {@code openssl s_client} and returns its output once the echo came
   * back; stdin stays open until then, as s_client quits at end of input.
   */
  private static String echoThroughOpenssl(int port, String text, String... options)
      throws Exception {
    List<String> command =
        new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port, "-brief"));
    command.addAll(List.of(options));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      CompletableFuture<Void> pump =
          CompletableFuture.runAsync(
              () -> {
                try {
                  process.getInputStream().transferTo(output);
                } catch (IOException ended) {
                  // The process was stopped.
                }
              });
      OutputStream stdin = process.getOutputStream();
      stdin.write((text + "\n").getBytes(StandardCharsets.US_ASCII));
      stdin.flush();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!received(output, text) && process.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      stdin.close();
      assertTrue(process.waitFor(10, TimeUnit.SECONDS), "s_client did not exit");
      pump.get(5, TimeUnit.SECONDS);
      String result = output.toString(StandardCharsets.UTF_8);
      assertEquals(0, process.exitValue(), result);
      assertTrue(received(output, text), "no echo through the gateway: " + result);
      return result;
    } finally {
      process.destroyForcibly();
    }
  }

  private static boolean received(ByteArrayOutputStream output, String text) {
    synchronized (output) {
      return output.toString(StandardCharsets.UTF_8).contains(text + "\n");
    }
  }
}
