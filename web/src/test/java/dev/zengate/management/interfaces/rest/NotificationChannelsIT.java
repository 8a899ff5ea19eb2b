package dev.zengate.management.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.zengate.bundle.syslog.Rfc5424;
import dev.zengate.bundle.syslog.SyslogReceiver;
import dev.zengate.management.infrastructure.notify.WebhookSignature;
import dev.zengate.management.interfaces.rest.ManagementServer.Reply;
import dev.zengate.management.testsupport.LoopbackTls;
import dev.zengate.management.testsupport.SmtpTestServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The watch's channels end to end, against real servers on loopback in this JVM: an SMTP server
 * (SubEtha SMTP) that requires STARTTLS, an HTTPS webhook receiver (the JDK's) that checks the
 * HMAC, a syslog receiver over TLS that parses RFC 5424; all three with certificates of a test CA
 * that the server is told to trust. One management server (its watch clock set per run) serves
 * every test; each test has its own pair, certificates and receivers, and runs the watch at its own
 * hour of the same simulated day, so no test's run finds another's notifications due.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationChannelsIT {

  private static final LoopbackTls TLS = LoopbackTls.loopback();
  private static final String WEBHOOK_SECRET = "webhook-secret-of-the-chat-relay";
  private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.HOURS);

  private static Path dir;
  private static String database;
  private static PayaraMicroProcess server;
  private static ManagementServer admin;
  private static SmtpTestServer smtp;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("notification-channels");
    database = "zengate_test_channels_" + System.nanoTime();
    Deployments.asOwnerOnServer("CREATE DATABASE " + database);
    server = PayaraMicroProcess.start(dir, database, Map.of("ZENGATE_WATCH_TEST_CLOCK", "true"));
    admin = server.admin();
    smtp = SmtpTestServer.startTls(TLS.serverContext(), 0);
    Map<String, Object> global = new HashMap<>();
    global.put("smtpHost", "127.0.0.1");
    global.put("smtpPort", smtp.port());
    global.put("smtpSecurity", "STARTTLS");
    global.put("smtpFrom", "zengate@bank.example");
    global.put("smtpCaPem", TLS.caPem());
    Reply set = admin.put("api/certificate-watch/settings", JsonBody.of(global), null);
    assertEquals(200, set.status(), set.body());
  }

  @AfterAll
  static void stop() throws Exception {
    if (smtp != null) {
      smtp.close();
    }
    if (server != null) {
      server.close();
    }
    Deployments.asOwnerOnServer("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
  }

  @Test
  @Order(1)
  void badSettingsAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
    String before = admin.get("api/certificate-watch/settings").body();
    Map<String, Object> good = new HashMap<>();
    good.put("smtpHost", "127.0.0.1");
    good.put("smtpPort", smtp.port());
    good.put("smtpFrom", "zengate@bank.example");
    good.put("smtpCaPem", TLS.caPem());
    Map<String, Object[]> bad = new java.util.LinkedHashMap<>();
    bad.put("webhookUrl", new Object[] {"http://chat.bank.example/hook", "webhookUrl: "});
    bad.put(
        "emailRecipients",
        new Object[] {List.of(Map.of("address", "ops")), "emailRecipients[0]: "});
    bad.put("syslogTarget", new Object[] {"tls://syslog.bank.example", "syslogTarget '"});
    bad.put("syslogCaPem", new Object[] {"-----BEGIN CERTIFICATE-----\nAAAA\n", "syslogCaPem"});
    bad.put("smtpFrom", new Object[] {"", "smtpFrom: "});
    for (Map.Entry<String, Object[]> field : bad.entrySet()) {
      Map<String, Object> wrong = new HashMap<>(good);
      wrong.put(field.getKey(), field.getValue()[0]);
      wrong.put("webhookUrl", "webhookUrl".equals(field.getKey()) ? field.getValue()[0] : null);
      Reply refused = admin.put("api/certificate-watch/settings", JsonBody.of(wrong), null);
      assertEquals(422, refused.status(), field.getKey() + ": " + refused.body());
      assertTrue(refused.contentType().startsWith("application/problem+json"));
      assertTrue(
          refused.detail().startsWith((String) field.getValue()[1]),
          field.getKey() + ": " + refused.detail());
    }
    Map<String, Object> noSecret = new HashMap<>(good);
    noSecret.put("webhookUrl", "https://chat.bank.example/hook");
    Reply refused = admin.put("api/certificate-watch/settings", JsonBody.of(noSecret), null);
    assertEquals(422, refused.status(), refused.body());
    assertTrue(refused.detail().startsWith("webhookSecret: "), refused.detail());
    assertEquals(before, admin.get("api/certificate-watch/settings").body(), "nothing stored");
  }

  @Test
  @Order(2)
  void eachRecipientGetsOneDigestPerRunInTheirLanguage() throws Exception {
    long pair = pairWithCertificates("digest-pair", "Digest", 29, 14, 1);
    Map<String, Object> channels = new HashMap<>();
    channels.put(
        "emailRecipients",
        List.of(
            Map.of("address", "ops@bank.example"),
            Map.of("address", "it@bank.example", "language", "en")));
    setPairChannels(pair, channels);

    JsonObject run = ran(T0.plus(Duration.ofHours(1)));
    assertEquals(6, run.getInt("sent"), run.toString());
    Map<String, SmtpTestServer.Received> mails = new HashMap<>();
    for (int i = 0; i < 2; i++) {
      SmtpTestServer.Received mail = smtp.take(15);
      assertTrue(mail != null, "two digests expected, got " + mails.keySet());
      mails.put(mail.to(), mail);
    }
    assertNull(smtp.take(2), "one digest per recipient");
    var ja = mails.get("ops@bank.example").message();
    assertEquals("[Zengate] 証明書の有効期限が近づいています (3 件)", ja.getSubject());
    String jaBody = ja.getContent().toString();
    for (String cn : List.of("CN=Digest 29d", "CN=Digest 14d", "CN=Digest 1d")) {
      assertTrue(jaBody.contains(cn), jaBody);
    }
    assertTrue(jaBody.contains("ペア: digest-pair"), jaBody);
    assertTrue(jaBody.contains("残り日数: 1 日"), jaBody);
    var en = mails.get("it@bank.example").message();
    assertEquals("[Zengate] Certificates expiring soon (3)", en.getSubject());
    assertTrue(en.getContent().toString().contains("Days left: 14 days"));

    JsonArray history = admin.get("api/certificate-watch/notifications?channel=EMAIL").jsonArray();
    assertEquals(6, history.size(), history.toString());
    for (JsonValue v : history) {
      assertEquals("SENT", v.asJsonObject().getString("state"), v.toString());
    }
    assertEquals(0, ran(T0.plus(Duration.ofHours(1)).plusSeconds(60)).getInt("sent"));
    assertNull(smtp.take(2), "nothing twice");
  }

  @Test
  @Order(3)
  void aWebhookThatWasDownIsDeliveredExactlyOnceWhenItIsBack() throws Exception {
    long pair = pairWithCertificates("webhook-pair", "Hook", 10);
    int port;
    try (ServerSocket reserved = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = reserved.getLocalPort();
    }
    String url = "https://127.0.0.1:" + port + "/hook";
    Map<String, Object> channels = new HashMap<>();
    channels.put("webhookUrl", url);
    channels.put("webhookSecret", WEBHOOK_SECRET);
    channels.put("webhookCaPem", TLS.caPem());
    JsonObject settings = setPairChannels(pair, channels);
    assertTrue(settings.getBoolean("webhookSecretSet"));
    assertFalse(settings.toString().contains(WEBHOOK_SECRET), "the secret is never shown");

    Instant down = T0.plus(Duration.ofHours(2));
    JsonObject failed = ran(down);
    assertEquals(1, failed.getInt("retrying"), failed.toString());
    JsonObject delivery = onlyDelivery("WEBHOOK", "RETRYING");
    assertEquals(url, delivery.getString("destination"));
    assertTrue(delivery.getString("lastError").contains("Connect"), delivery.toString());
    assertEquals(down.plus(Duration.ofMinutes(1)).toString(), delivery.getString("nextAttemptAt"));

    BlockingQueue<String[]> received = new LinkedBlockingQueue<>();
    HttpsServer receiver = HttpsServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    receiver.setHttpsConfigurator(new HttpsConfigurator(TLS.serverContext()));
    receiver.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          String timestamp = exchange.getRequestHeaders().getFirst("X-Zengate-Timestamp");
          String signature = exchange.getRequestHeaders().getFirst("X-Zengate-Signature");
          boolean valid =
              signature != null
                  && signature.equals(
                      WebhookSignature.sign(
                          WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8),
                          Long.parseLong(timestamp),
                          body));
          received.add(
              new String[] {String.valueOf(valid), new String(body, StandardCharsets.UTF_8)});
          exchange.sendResponseHeaders(valid ? 204 : 401, -1);
          exchange.close();
        });
    receiver.start();
    try {
      assertEquals(0, ran(down.plusSeconds(30)).getInt("sent"), "not before its time");
      assertNull(received.poll(1, TimeUnit.SECONDS));
      assertEquals(1, ran(down.plus(Duration.ofMinutes(1))).getInt("sent"));
      String[] got = received.poll(10, TimeUnit.SECONDS);
      assertEquals("true", got[0], "the HMAC checks out with the shared secret");
      assertTrue(got[1].contains("\"event\":\"certificate.expiring\""), got[1]);
      assertTrue(got[1].contains("\"subject\":\"CN=Hook 10d\""), got[1]);
      assertEquals(0, ran(down.plus(Duration.ofMinutes(5))).getInt("sent"));
      assertNull(received.poll(2, TimeUnit.SECONDS), "delivered exactly once");
      assertEquals(2, onlyDelivery("WEBHOOK", "SENT").getInt("attempts"));
    } finally {
      receiver.stop(0);
    }
  }

  @Test
  @Order(4)
  void syslogOverTlsDeliversRfc5424ToAServerOfTheConfiguredCa() throws Exception {
    long pair = pairWithCertificates("tls-syslog-pair", "Syslog", 5);
    try (SyslogReceiver tls = SyslogReceiver.tls(TLS.serverContext())) {
      Map<String, Object> channels = new HashMap<>();
      channels.put("syslogTarget", "tls://127.0.0.1:" + tls.port());
      channels.put("syslogCaPem", TLS.caPem());
      setPairChannels(pair, channels);
      assertEquals(1, ran(T0.plus(Duration.ofHours(3))).getInt("sent"));
      Rfc5424.Message m = tls.exactly(1, 1).get(0);
      assertEquals("CERT_EXPIRING", m.msgId());
      assertEquals("tls-syslog-pair", m.param("zengateCert@32473", "pair"));
      assertEquals("CN=Syslog 5d", m.param("zengateCert@32473", "subject"));
    }
  }

  @Test
  @Order(5)
  void aTestMessageReportsSuccessOrTheExactError() throws Exception {
    Map<String, Object> global = new HashMap<>();
    global.put("smtpHost", "127.0.0.1");
    global.put("smtpPort", smtp.port());
    global.put("smtpFrom", "zengate@bank.example");
    global.put("smtpCaPem", TLS.caPem());
    global.put(
        "emailRecipients", List.of(Map.of("address", "central-it@bank.example", "language", "en")));
    assertEquals(
        200, admin.put("api/certificate-watch/settings", JsonBody.of(global), null).status());
    Reply sent = admin.post("api/certificate-watch/settings/test", "{\"channel\":\"EMAIL\"}");
    assertEquals(200, sent.status(), sent.body());
    JsonObject outcome = sent.jsonArray().getJsonObject(0);
    assertTrue(outcome.getBoolean("sent"), outcome.toString());
    SmtpTestServer.Received mail = smtp.take(10);
    assertEquals("central-it@bank.example", mail.to());
    assertEquals("[Zengate] Test message", mail.message().getSubject());

    long pair = pairWithCertificates("test-message-pair", "Quiet", 200);
    int closed;
    try (ServerSocket reserved = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = reserved.getLocalPort();
    }
    Map<String, Object> channels = new HashMap<>();
    channels.put("webhookUrl", "https://127.0.0.1:" + closed + "/hook");
    channels.put("webhookSecret", WEBHOOK_SECRET);
    setPairChannels(pair, channels);
    Reply failed = admin.post("api/pairs/" + pair + "/settings/test", "{\"channel\":\"WEBHOOK\"}");
    assertEquals(200, failed.status(), failed.body());
    JsonObject error = failed.jsonArray().getJsonObject(0);
    assertFalse(error.getBoolean("sent"));
    assertTrue(error.getString("error").contains("ConnectException"), error.toString());
    Reply unknown = admin.post("api/certificate-watch/settings/test", "{\"channel\":\"FAX\"}");
    assertEquals(422, unknown.status());
    assertTrue(unknown.detail().startsWith("channel: "), unknown.body());
    Reply audited =
        admin.send(
            "GET",
            "api/audit?action=notification.test",
            null,
            Map.of("Accept", "application/json"));
    assertEquals(2, audited.jsonArray().size(), audited.body());
    Reply settingsAudit =
        admin.send(
            "GET", "api/audit?action=pair.settings", null, Map.of("Accept", "application/json"));
    assertFalse(settingsAudit.body().contains(WEBHOOK_SECRET), "secrets stay out of the audit");
  }

  // --- helpers -----------------------------------------------------------------------------

  /**
   * A pair whose virtual client trusts a store of CA certificates expiring in {@code days} days
   * (plus 12 hours, so every run of the test day sees the same days left).
   */
  private static long pairWithCertificates(String name, String cn, int... days) throws Exception {
    StringBuilder pems = new StringBuilder();
    for (int d : days) {
      pems.append(
          ca("CN=" + cn + " " + d + "d", T0.plus(Duration.ofDays(d)).plus(Duration.ofHours(12)))
              .certificatePem());
    }
    Reply store =
        admin.post(
            "api/trust-stores",
            JsonBody.of(Map.of("name", name + "-store", "certificates", pems.toString())));
    assertEquals(201, store.status(), store.body());
    Reply pair = admin.post("api/pairs", JsonBody.of(Map.of("name", name)));
    assertEquals(201, pair.status(), pair.body());
    long id = pair.json().getJsonNumber("id").longValue();
    Map<String, Object> client = new HashMap<>();
    client.put("pairId", id);
    client.put("name", "outbound");
    client.put("listenAddress", "127.0.0.1");
    client.put("listenPort", 5020);
    client.put("targetHost", "203.0.113.50");
    client.put("targetPort", 55020);
    client.put("trustStoreId", store.json().getJsonNumber("id").longValue());
    Reply created = admin.post("api/virtual-clients", JsonBody.of(client));
    assertEquals(201, created.status(), created.body());
    return id;
  }

  private static JsonObject setPairChannels(long pair, Map<String, Object> channels)
      throws Exception {
    Reply current = admin.get("api/pairs/" + pair + "/settings");
    Map<String, Object> settings = new HashMap<>(channels);
    settings.put("expirySchedule", "FIXED");
    settings.put("expiryWarningDays", 30);
    Reply set = admin.put("api/pairs/" + pair + "/settings", JsonBody.of(settings), current.etag());
    assertEquals(200, set.status(), set.body());
    return set.json();
  }

  private static JsonObject onlyDelivery(String channel, String state) throws Exception {
    Reply reply =
        admin.get("api/certificate-watch/notifications?channel=" + channel + "&state=" + state);
    assertEquals(200, reply.status(), reply.body());
    List<JsonObject> rows = new ArrayList<>();
    reply.jsonArray().forEach(v -> rows.add(v.asJsonObject()));
    assertEquals(1, rows.size(), reply.body());
    return rows.get(0);
  }

  private static JsonObject ran(Instant at) throws Exception {
    Reply reply = admin.post("api/certificate-watch/run", JsonBody.of(Map.of("at", at.toString())));
    assertEquals(200, reply.status(), reply.body());
    JsonObject run = reply.json();
    assertTrue(run.getBoolean("ran"), run.toString());
    return run;
  }

  private static TestPki.Issued ca(String name, Instant notAfter) {
    return TestPki.rootCa(name, new Instant[] {T0.minus(Duration.ofDays(365)), notAfter});
  }
}
