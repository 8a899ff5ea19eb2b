package dev.zengate.gateway.trust;

import static dev.zengate.gateway.trust.Pki.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.bundle.testsupport.Ports;
import dev.zengate.gateway.testsupport.EchoServer;
import dev.zengate.gateway.testsupport.NodeFixture;
import dev.zengate.gateway.testsupport.Peers;
import dev.zengate.gateway.trust.Pki.Cert;
import java.net.Socket;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Revocation wired into the proxy, end to end: the gateway asks a real {@code openssl ocsp}
 * responder (on 127.0.0.1) about partners' client certificates on a virtual server and about the
 * target's certificate on a virtual client, and refuses the revoked ones with the reason
 * certificate_revoked in its metrics.
 */
class RevocationThroughProxyTest {

  static final long SLOW_RESPONDER_MILLIS = 4_000;

  @TempDir static Path dir;

  static LoopbackHttp http;
  static Cert root;
  static Cert gateway;
  static Cert goodClient;
  static Cert revokedClient;
  static Cert goodServer;
  static Cert revokedServer;
  static Cert goodServerWithCdp;
  static Cert revokedServerWithCdp;
  static EchoServer plainBackend;

  @BeforeAll
  static void start() throws Exception {
    http = new LoopbackHttp();
    Pki pki = new Pki(dir.resolve("pki"));
    root = pki.root("Proxy Revocation Root");
    Cert responder =
        pki.issue(spec("Proxy OCSP Responder").issuer(root).eku(KeyPurposeId.id_kp_OCSPSigning));
    OpensslCa ca = new OpensslCa(root, dir.resolve("ca"));
    http.serve("/ocsp", request -> ca.ocsp(request, responder, 5));
    http.serve(
        "/slow",
        request -> {
          Thread.sleep(SLOW_RESPONDER_MILLIS);
          return ca.ocsp(request, responder, 5);
        });
    String ocsp = http.url("/ocsp");
    gateway =
        pki.issue(spec("gateway").issuer(root).eku(KeyPurposeId.id_kp_serverAuth).ip("127.0.0.1"));
    goodClient =
        pki.issue(spec("partner-good").issuer(root).eku(KeyPurposeId.id_kp_clientAuth).ocsp(ocsp));
    revokedClient =
        pki.issue(
            spec("partner-revoked").issuer(root).eku(KeyPurposeId.id_kp_clientAuth).ocsp(ocsp));
    goodServer =
        pki.issue(
            spec("bank-good")
                .issuer(root)
                .eku(KeyPurposeId.id_kp_serverAuth)
                .ip("127.0.0.1")
                .ocsp(ocsp));
    revokedServer =
        pki.issue(
            spec("bank-revoked")
                .issuer(root)
                .eku(KeyPurposeId.id_kp_serverAuth)
                .ip("127.0.0.1")
                .ocsp(ocsp));
    String crl = http.url("/crl");
    goodServerWithCdp = serverWithCdp(pki, "bank-crl-good", crl);
    revokedServerWithCdp = serverWithCdp(pki, "bank-crl-revoked", crl);
    ca.valid(goodClient);
    ca.valid(goodServer);
    ca.valid(goodServerWithCdp);
    Instant revokedAt = Instant.now().minusSeconds(3600);
    ca.revoke(revokedClient, revokedAt, "keyCompromise");
    ca.revoke(revokedServer, revokedAt, "keyCompromise");
    ca.revoke(revokedServerWithCdp, revokedAt, "keyCompromise");
    Instant now = Instant.now();
    byte[] currentCrl = ca.crl(now.minusSeconds(60), now.plus(Duration.ofDays(1)));
    http.serve("/crl", request -> currentCrl);
    plainBackend = EchoServer.plain();
  }

  private static Cert serverWithCdp(Pki pki, String cn, String crlUrl) throws Exception {
    return pki.issue(
        spec(cn).issuer(root).eku(KeyPurposeId.id_kp_serverAuth).ip("127.0.0.1").crl(crlUrl));
  }

  @AfterAll
  static void stop() throws Exception {
    plainBackend.close();
    http.close();
  }

  private static String head() {
    return """
        certificates:
          gateway:
            chain: %s
            key: %s
        trust:
          root:
            caFiles: [%s]
        listeners:
        """
        .formatted(gateway.certFile(), gateway.keyFile(), root.certFile());
  }

  @ParameterizedTest
  @ValueSource(strings = {"openssl", "jdk"})
  void virtualServerAcceptsAGoodClientAndRefusesARevokedOne(String provider) throws Exception {
    int port = Ports.free();
    String listener =
        """
          - name: partners
            mode: server
            bind: 127.0.0.1:%d
            target: 127.0.0.1:%d
            downstreamTls:
              certificate: gateway
              clientAuth: required
              clientTrust: root
              clientRevocation:
                mode: ocsp
                timeout: 3s
        """
            .formatted(port, plainBackend.port());
    try (NodeFixture node = NodeFixture.start(dir, provider, head() + listener)) {
      try (SSLSocket ok = Peers.tls(context(goodClient), port)) {
        assertEquals("zengin\n", Peers.roundTrip(ok, "zengin\n"));
      }
      // With TLS 1.3 the client learns of the rejection only at its first read.
      assertThrows(
          Exception.class,
          () -> {
            try (SSLSocket socket = Peers.tls(context(revokedClient), port)) {
              String echoed = Peers.roundTrip(socket, "zengin\n");
              if (!"zengin\n".equals(echoed)) {
                throw new IllegalStateException("closed without echo");
              }
            }
          });
      String metrics = awaitMetric(node, "reason=\"certificate_revoked\"");
      assertTrue(
          metrics.contains(
              "listener=\"partners\",reason=\"certificate_revoked\",result=\"failure\","
                  + "side=\"downstream\""),
          metrics);
      assertTrue(
          metrics.contains(
              "zengate_revocation_source_stale{kind=\"ocsp\",listener=\"partners\","
                  + "side=\"downstream\",url=\""
                  + http.url("/ocsp")
                  + "\"} 0"),
          metrics);
      assertTrue(
          metrics.contains(
              "zengate_revocation_source_failures_total{kind=\"ocsp\",listener=\"partners\""),
          metrics);
      String status = node.admin("GET", "/status").body();
      assertTrue(status.contains("\"kind\" : \"ocsp\""), status);
      assertTrue(status.contains(http.url("/ocsp")), status);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"openssl", "jdk"})
  void virtualClientRelaysToAGoodServerAndRefusesARevokedOne(String provider) throws Exception {
    try (EchoServer good = EchoServer.tls(context(goodServer));
        EchoServer revoked = EchoServer.tls(context(revokedServer))) {
      int okPort = Ports.free();
      int badPort = Ports.free();
      String listeners =
          """
            - name: bank-good
              mode: client
              bind: 127.0.0.1:%d
              target: 127.0.0.1:%d
              upstreamTls:
                trust: root
                revocation:
                  mode: ocsp
                  timeout: 3s
            - name: bank-revoked
              mode: client
              bind: 127.0.0.1:%d
              target: 127.0.0.1:%d
              upstreamTls:
                trust: root
                revocation:
                  mode: ocsp
                  timeout: 3s
          """
              .formatted(okPort, good.port(), badPort, revoked.port());
      try (NodeFixture node = NodeFixture.start(dir, provider, head() + listeners)) {
        try (Socket socket = Peers.plain(okPort)) {
          assertEquals("zengin\n", Peers.roundTrip(socket, "zengin\n"));
        }
        try (Socket socket = Peers.plain(badPort)) {
          assertTrue(Peers.closedWithoutData(socket));
        }
        String metrics = awaitMetric(node, "reason=\"certificate_revoked\"");
        assertTrue(
            metrics.contains(
                "listener=\"bank-revoked\",reason=\"certificate_revoked\",result=\"failure\","
                    + "side=\"upstream\""),
            metrics);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"openssl", "jdk"})
  void virtualClientWithCrlChecksTheDistributionPointAndReportsItsNextUpdate(String provider)
      throws Exception {
    try (EchoServer good = EchoServer.tls(context(goodServerWithCdp));
        EchoServer revoked = EchoServer.tls(context(revokedServerWithCdp))) {
      int okPort = Ports.free();
      int badPort = Ports.free();
      String listeners =
          """
            - name: crl-good
              mode: client
              bind: 127.0.0.1:%d
              target: 127.0.0.1:%d
              upstreamTls:
                trust: root
                revocation:
                  mode: crl
            - name: crl-revoked
              mode: client
              bind: 127.0.0.1:%d
              target: 127.0.0.1:%d
              upstreamTls:
                trust: root
                revocation:
                  mode: crl
          """
              .formatted(okPort, good.port(), badPort, revoked.port());
      try (NodeFixture node = NodeFixture.start(dir, provider, head() + listeners)) {
        try (Socket socket = Peers.plain(okPort)) {
          assertEquals("zengin\n", Peers.roundTrip(socket, "zengin\n"));
        }
        try (Socket socket = Peers.plain(badPort)) {
          assertTrue(Peers.closedWithoutData(socket));
        }
        String metrics = awaitMetric(node, "reason=\"certificate_revoked\"");
        assertTrue(
            metrics.contains(
                "listener=\"crl-revoked\",reason=\"certificate_revoked\",result=\"failure\","
                    + "side=\"upstream\""),
            metrics);
        assertTrue(
            metrics.contains("zengate_revocation_next_update_seconds{kind=\"crl\""), metrics);
        String status = node.admin("GET", "/status").body();
        assertTrue(status.contains("\"kind\" : \"crl\""), status);
        assertTrue(status.contains("\"stale\" : false"), status);
        assertTrue(status.matches("(?s).*\"nextUpdate\" : \"20.*"), status);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"openssl", "jdk"})
  void aSlowResponderDelaysOnlyTheHandshakeThatWaitsForIt(String provider) throws Exception {
    int slowPort = Ports.free();
    int fastPort = Ports.free();
    String listeners =
        """
          - name: slow-ocsp
            mode: server
            bind: 127.0.0.1:%d
            target: 127.0.0.1:%d
            downstreamTls:
              certificate: gateway
              clientAuth: required
              clientTrust: root
              clientRevocation:
                mode: ocsp
                ocspUrl: %s
                timeout: 10s
          - name: fast
            mode: server
            bind: 127.0.0.1:%d
            target: 127.0.0.1:%d
            downstreamTls:
              certificate: gateway
        """
            .formatted(
                slowPort, plainBackend.port(), http.url("/slow"), fastPort, plainBackend.port());
    try (NodeFixture node = NodeFixture.start(dir, provider, head() + listeners)) {
      CompletableFuture<String> slow =
          CompletableFuture.supplyAsync(
              () -> {
                try (SSLSocket socket = Peers.tls(context(goodClient), slowPort)) {
                  return Peers.roundTrip(socket, "slow\n");
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (http.hits("/slow") == 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertEquals(1, http.hits("/slow"));
      // Accepted connections go round-robin over the event loops: twice around reaches the loop
      // of the waiting handshake whatever the count.
      int connections = 2 * Runtime.getRuntime().availableProcessors();
      for (int i = 0; i < connections; i++) {
        try (SSLSocket socket = Peers.tls(context(goodClient), fastPort)) {
          assertEquals("fast\n", Peers.roundTrip(socket, "fast\n"));
        }
      }
      assertFalse(
          slow.isDone(),
          () ->
              "the other connections waited for the slow responder (slow handshake: "
                  + (slow.isCompletedExceptionally() ? "failed" : "done")
                  + ")");
      assertEquals("slow\n", slow.get(15, TimeUnit.SECONDS));
    }
  }

  /** The failure is counted when the gateway's handshake ends, which may follow the peer's view. */
  private static String awaitMetric(NodeFixture node, String text) throws Exception {
    long deadline = System.nanoTime() + 5_000_000_000L;
    String metrics = node.admin("GET", "/metrics").body();
    while (!metrics.contains(text) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      metrics = node.admin("GET", "/metrics").body();
    }
    return metrics;
  }

  /** A JDK TLS context trusting {@link #root} and presenting {@code identity}. */
  private static SSLContext context(Cert identity) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("root", root.cert());
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry(
        "id", identity.key(), "pw".toCharArray(), new X509Certificate[] {identity.cert()});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, "pw".toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return context;
  }
}
