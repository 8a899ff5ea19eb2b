package dev.zengate.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zengate.bundle.testsupport.Ports;
import dev.zengate.gateway.testsupport.HalfCloseBackend;
import dev.zengate.gateway.testsupport.LogCapture;
import dev.zengate.gateway.testsupport.NodeFixture;
import dev.zengate.gateway.testsupport.Peers;
import dev.zengate.gateway.testsupport.TestPki;
import dev.zengate.gateway.testsupport.TestPki.Issued;
import dev.zengate.gateway.testsupport.TlsClients;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Half-close is forwarded in both directions and on both kinds of side: a TCP FIN or a TLS 1.3
 * close_notify ends one direction, and the other keeps flowing until its own end.
 */
class HalfCloseTest {

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

  /** TLS partner in front, plaintext target behind. */
  static String terminating(int port, int target) {
    return """
        certificates:
          server: {chain: %s, key: %s}
        listeners:
          - name: half
            mode: server
            bind: 127.0.0.1:%d
            target: 127.0.0.1:%d
            downstreamTls: {certificate: server}
        """
        .formatted(server.chainFile(), server.keyFile(), port, target);
  }

  /** Plaintext client in front, TLS target behind. */
  static String originating(int port, int target) {
    return """
        trust:
          roots:
            caFiles: [%s]
        listeners:
          - name: half
            mode: client
            bind: 127.0.0.1:%d
            target: 127.0.0.1:%d
            upstreamTls: {trust: roots}
        """
        .formatted(root.certFile(), port, target);
  }

  @ParameterizedTest
  @ValueSource(strings = {"jdk"})
  void tlsClientSendsCloseNotifyAndStillReceivesTheAnswer(String provider) throws Exception {
    int port = Ports.free();
    try (HalfCloseBackend backend = HalfCloseBackend.answeringAfterEndOfRequest(null);
        NodeFixture node = NodeFixture.start(dir, provider, terminating(port, backend.port()));
        Socket client = Peers.tls(TlsClients.context(root, null), port, "TLSv1.3")) {
      send(client, "request");
      client.shutdownOutput();
      assertEquals("got request", readToEnd(client));
      assertEquals("request", backend.received().get(10, TimeUnit.SECONDS));
    }
  }

  /**
   * Netty's OpenSSL engine (any TLS version) and the JDK engine on TLS 1.2 answer a received
   * close_notify with their own and send nothing after it, so the answer cannot be relayed: the
   * request's end still reaches the target, the client is closed at once (no hang), and the log
   * line says why.
   */
  @ParameterizedTest
  @CsvSource({"openssl, TLSv1.3", "jdk, TLSv1.2"})
  void engineThatEndsBothDirectionsOnTheClientsCloseNotifyIsNamedInTheLog(
      String provider, String protocol) throws Exception {
    int port = Ports.free();
    try (LogCapture log = LogCapture.connections();
        HalfCloseBackend backend = HalfCloseBackend.answeringAfterEndOfRequest(null);
        NodeFixture node = NodeFixture.start(dir, provider, terminating(port, backend.port()));
        Socket client = Peers.tls(TlsClients.context(root, null), port, protocol)) {
      send(client, "request");
      client.shutdownOutput();
      assertEquals("", readToEnd(client));
      assertEquals("request", backend.received().get(10, TimeUnit.SECONDS));
      log.await(line -> line.contains("close=answer_lost_after_client_close_notify"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"openssl", "jdk"})
  void targetEndsFirstAndTheTlsClientCanStillSend(String provider) throws Exception {
    int port = Ports.free();
    try (HalfCloseBackend backend = HalfCloseBackend.speakingFirstThenListening(null, "hello");
        NodeFixture node = NodeFixture.start(dir, provider, terminating(port, backend.port()));
        Socket client = Peers.tls(TlsClients.context(root, null), port, "TLSv1.3")) {
      assertEquals("hello", readToEnd(client));
      send(client, "late words");
      client.shutdownOutput();
      assertEquals("late words", backend.received().get(10, TimeUnit.SECONDS));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"openssl", "jdk"})
  void plaintextClientSendsFinAndStillReceivesTheTlsTargetsAnswer(String provider)
      throws Exception {
    int port = Ports.free();
    try (HalfCloseBackend backend =
            HalfCloseBackend.answeringAfterEndOfRequest(TlsClients.context(root, server));
        NodeFixture node = NodeFixture.start(dir, provider, originating(port, backend.port()));
        Socket client = Peers.plain(port)) {
      send(client, "request");
      client.shutdownOutput();
      assertEquals("got request", readToEnd(client));
      assertEquals("request", backend.received().get(10, TimeUnit.SECONDS));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"jdk"})
  void tlsTargetEndsFirstAndThePlaintextClientCanStillSend(String provider) throws Exception {
    int port = Ports.free();
    try (HalfCloseBackend backend =
            HalfCloseBackend.speakingFirstThenListening(TlsClients.context(root, server), "hello");
        NodeFixture node = NodeFixture.start(dir, provider, originating(port, backend.port()));
        Socket client = Peers.plain(port)) {
      assertEquals("hello", readToEnd(client));
      send(client, "late words");
      client.shutdownOutput();
      assertEquals("late words", backend.received().get(10, TimeUnit.SECONDS));
    }
  }

  /** The same limit of Netty's OpenSSL engine, met on the upstream side. */
  @Test
  void openSslEngineEndsBothDirectionsOnTheTargetsCloseNotifyAndTheLogSaysSo() throws Exception {
    int port = Ports.free();
    try (LogCapture log = LogCapture.connections();
        HalfCloseBackend backend =
            HalfCloseBackend.speakingFirstThenListening(TlsClients.context(root, server), "hello");
        NodeFixture node = NodeFixture.start(dir, "openssl", originating(port, backend.port()));
        Socket client = Peers.plain(port)) {
      assertEquals("hello", readToEnd(client));
      send(client, "late words");
      log.await(line -> line.contains("close=request_lost_after_target_close_notify"));
    }
  }

  private static void send(Socket socket, String text) throws Exception {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
  }

  private static String readToEnd(Socket socket) throws Exception {
    return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
  }
}
