package dev.zengate.management.infrastructure.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.zengate.management.testsupport.LoopbackTls;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Webhooks to a real HTTPS server (the JDK's) on loopback that checks the signature. */
class WebhookPosterTest {

  private static final LoopbackTls TLS = LoopbackTls.loopback();
  private static final byte[] SECRET = "a-shared-secret-of-32-characters".getBytes();

  private record Request(String timestamp, String signature, String delivery, byte[] body) {}

  private static HttpsServer receiver(int status, BlockingQueue<Request> got) throws IOException {
    HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(TLS.serverContext()));
    server.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          got.add(
              new Request(
                  exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
                  exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER),
                  exchange.getRequestHeaders().getFirst(WebhookPoster.DELIVERY_HEADER),
                  body));
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
    return server;
  }

  @Test
  void postsJsonSignedOverTheTimestampAndBody() throws Exception {
    BlockingQueue<Request> got = new LinkedBlockingQueue<>();
    HttpsServer server = receiver(204, got);
    try {
      byte[] json = "{\"event\":\"certificate.expiring\"}".getBytes(StandardCharsets.UTF_8);
      Instant now = Instant.parse("2027-01-01T00:00:00Z");
      WebhookPoster.post(url(server), TLS.caPem(), SECRET, "delivery-7", json, now);
      Request request = got.poll(5, TimeUnit.SECONDS);
      assertEquals(Long.toString(now.getEpochSecond()), request.timestamp());
      assertEquals("delivery-7", request.delivery());
      // What a receiver computes, with the secret it shares: HMAC-SHA256 of "TIMESTAMP.BODY".
      assertEquals(
          WebhookSignature.sign(SECRET, Long.parseLong(request.timestamp()), request.body()),
          request.signature());
      assertTrue(request.signature().matches("sha256=[0-9a-f]{64}"));
      assertEquals(
          "sha256=" + HexHmac.of(SECRET, "1798761600." + new String(json, StandardCharsets.UTF_8)),
          request.signature());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void anAnswerOtherThan2xxIsAFailureNamingTheStatus() throws Exception {
    HttpsServer server = receiver(503, new LinkedBlockingQueue<>());
    try {
      IOException e =
          assertThrows(
              IOException.class,
              () ->
                  WebhookPoster.post(
                      url(server), TLS.caPem(), SECRET, "d", "{}".getBytes(), Instant.now()));
      assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void refusesAServerWhoseCertificateIsNotFromTheConfiguredCa() throws Exception {
    HttpsServer server = receiver(204, new LinkedBlockingQueue<>());
    try {
      String otherCa = LoopbackTls.forHosts("Another CA", "127.0.0.1").caPem();
      assertThrows(
          javax.net.ssl.SSLHandshakeException.class,
          () ->
              WebhookPoster.post(
                  url(server), otherCa, SECRET, "d", "{}".getBytes(), Instant.now()));
    } finally {
      server.stop(0);
    }
  }

  private static String url(HttpsServer server) {
    return "https://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /** An independent HMAC computation, so the test does not only compare the code with itself. */
  private static final class HexHmac {
    static String of(byte[] key, String text) throws Exception {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
      return java.util.HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
  }
}
