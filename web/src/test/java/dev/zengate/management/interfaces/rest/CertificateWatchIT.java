package dev.zengate.management.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.bundle.syslog.Rfc5424;
import dev.zengate.bundle.syslog.SyslogReceiver;
import dev.zengate.management.interfaces.rest.ManagementServer.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The certificate watch end to end: CA certificates expiring in 100, 59, 29, 14 and 1 days and one
 * expired, in a trust store that a virtual client of two pairs uses, one pair FIXED 30 days with
 * syslog over UDP, the other GRADUATED over TCP, both to syslog receivers in this JVM that parse
 * every message as RFC 5424. Two simulated days (the server's watch clock is set per run: it runs
 * with ZENGATE_WATCH_TEST_CLOCK=true, which also turns its own timer off), a restart of the server
 * in between, a certificate removed before the second day, a TCP receiver that is down for one run:
 * each expected message arrives exactly once, the failed one after a retry.
 */
class CertificateWatchIT {

  private static final String SD = "zengateCert@32473";

  @TempDir java.nio.file.Path dir;

  /** The server running now, for its log in failure messages. */
  private PayaraMicroProcess current;

  @Test
  void notifiesEachThresholdOnceOverTwoDaysAndARestart() throws Exception {
    String database = "zengate_test_watch_" + System.nanoTime();
    Deployments.asOwnerOnServer("CREATE DATABASE " + database);
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Map<String, TestPki.Issued> cas = new LinkedHashMap<>();
    for (int days : new int[] {100, 59, 29, 14, 1}) {
      cas.put(
          days + "d",
          ca("CN=Watch " + days + "d", t0, t0.plus(days(days)).plus(Duration.ofHours(1))));
    }
    cas.put("expired", ca("CN=Watch expired", t0, t0.minus(Duration.ofHours(2))));
    Map<String, String> env = Map.of("ZENGATE_WATCH_TEST_CLOCK", "true");
    TestPki.Issued spare = ca("CN=Watch spare", t0, t0.plus(days(10)).plus(Duration.ofHours(1)));
    try (SyslogReceiver udp = SyslogReceiver.udp();
        SyslogReceiver global = SyslogReceiver.udp()) {
      SyslogReceiver tcp = SyslogReceiver.tcp(0);
      int tcpPort = tcp.port();
      long storeId;
      long oneDayId;
      try (PayaraMicroProcess server = PayaraMicroProcess.start(dir, database, env)) {
        current = server;
        ManagementServer admin = server.admin();
        StringBuilder pems = new StringBuilder();
        cas.values().forEach(ca -> pems.append(ca.certificatePem()));
        Reply store =
            admin.post(
                "api/trust-stores",
                JsonBody.of(Map.of("name", "watched", "certificates", pems.toString())));
        assertEquals(201, store.status(), store.body());
        storeId = store.json().getJsonNumber("id").longValue();
        oneDayId = certificateId(store.json(), "CN=Watch 1d");
        pair(admin, "fixed-pair", "127.0.0.1:" + udp.port(), "FIXED", 30, storeId);
        pair(admin, "graduated-pair", "tcp://127.0.0.1:" + tcpPort, "GRADUATED", 30, storeId);
        // A trust store no listener uses: the global default applies.
        assertEquals(
            201,
            admin
                .post(
                    "api/trust-stores",
                    JsonBody.of(Map.of("name", "spare", "certificates", spare.certificatePem())))
                .status());
        Reply defaults =
            admin.put(
                "api/certificate-watch/settings",
                JsonBody.of(
                    Map.of(
                        "expirySchedule",
                        "FIXED",
                        "expiryWarningDays",
                        30,
                        "syslogTarget",
                        "udp://127.0.0.1:" + global.port())),
                null);
        assertEquals(200, defaults.status(), defaults.body());
        assertEquals("127.0.0.1:" + global.port(), defaults.json().getString("syslogTarget"));
        assertEquals(
            422,
            admin
                .put(
                    "api/certificate-watch/settings",
                    JsonBody.of(Map.of("expiryWarningDays", 366)),
                    null)
                .status());

        // Bad input and roles.
        assertEquals(422, admin.get("api/certificate-watch?expiringWithinDays=-1").status());
        Reply badState = admin.get("api/certificate-watch/notifications?state=LOST");
        assertEquals(422, badState.status());
        assertTrue(
            badState.contentType().startsWith("application/problem+json"), badState.contentType());
        assertEquals(422, run(admin, "yesterday").status());
        ManagementServer auditor = user(admin, "auditor");
        assertEquals(200, auditor.get("api/certificate-watch").status());
        assertEquals(200, auditor.get("api/certificate-watch/notifications").status());
        assertEquals(403, auditor.post("api/certificate-watch/run", "{}").status());

        // Day 1.
        JsonObject day1 = ran(admin, t0);
        assertTrue(day1.getBoolean("ran"), day1.toString());
        assertEquals(10, day1.getInt("recorded"), day1.toString());
        assertEquals(10, day1.getInt("sent"), day1.toString());
        assertEquals(set("Watch spare:10"), received(global, 1, "", "trust store spare"));
        assertEquals(
            set("Watch 29d:29", "Watch 14d:14", "Watch 1d:1", "Watch expired:-1"),
            received(udp, 4, "fixed-pair"));
        assertEquals(
            set("Watch 59d:60", "Watch 29d:30", "Watch 14d:14", "Watch 1d:1", "Watch expired:-1"),
            received(tcp, 5, "graduated-pair"));
        JsonObject again = ran(admin, t0.plus(Duration.ofMinutes(5)));
        assertEquals(0, again.getInt("recorded"), again.toString());
        assertNull(udp.take(2));
        assertNull(tcp.take(1));

        // What expires when, and the next notification of each.
        Reply watch = admin.get("api/certificate-watch?at=" + t0.plus(Duration.ofMinutes(5)));
        assertEquals(200, watch.status(), watch.body());
        JsonObject hundred = entry(watch, "CN=Watch 100d", "fixed-pair");
        assertEquals(100, hundred.getInt("daysLeft"));
        JsonObject next = hundred.getJsonObject("nextNotification");
        assertEquals(30, next.getInt("thresholdDays"));
        assertEquals(
            t0.plus(days(100)).plus(Duration.ofHours(1)).minus(days(31)).plusSeconds(1).toString(),
            next.getString("from"));
        JsonObject fiftyNine = entry(watch, "CN=Watch 59d", "graduated-pair");
        assertEquals(30, fiftyNine.getJsonObject("nextNotification").getInt("thresholdDays"));
        assertTrue(entry(watch, "CN=Watch expired", "fixed-pair").getBoolean("expired"));
        Reply history = admin.get("api/certificate-watch/notifications?state=SENT");
        assertEquals(10, history.jsonArray().size(), history.body());

        // The one-day certificate is replaced: removed from the trust store.
        String etag = admin.get("api/trust-stores/" + storeId).etag();
        Reply removed =
            admin.delete("api/trust-stores/" + storeId + "/certificates/" + oneDayId, etag);
        assertEquals(200, removed.status(), removed.body());
      }

      // Day 2, on a restarted server: nothing from day 1 again, nothing for the removed one.
      try (PayaraMicroProcess server = PayaraMicroProcess.start(dir, database, env)) {
        current = server;
        ManagementServer admin = server.admin();
        Instant day2 = t0.plus(days(1));
        JsonObject first = ran(admin, day2);
        assertEquals(6, first.getInt("recorded"), first.toString());
        assertEquals(set("Watch spare:9"), received(global, 1, "", "trust store spare"));
        assertEquals(
            set("Watch 29d:28", "Watch 14d:13", "Watch expired:-2"),
            received(udp, 3, "fixed-pair"));
        assertEquals(set("Watch 14d:13", "Watch expired:-2"), received(tcp, 2, "graduated-pair"));
        assertEquals(0, ran(admin, day2.plus(Duration.ofMinutes(5))).getInt("recorded"));
        assertNull(udp.take(2));

        // Another server in the middle of a run holds the watch's advisory lock: this one skips.
        String url = System.getenv("ZENGATE_DB_URL");
        try (Connection other =
                java.sql.DriverManager.getConnection(
                    url.substring(0, url.lastIndexOf('/') + 1) + database,
                    System.getenv("ZENGATE_DB_USER"),
                    System.getenv("ZENGATE_DB_PASSWORD"));
            Statement s = other.createStatement()) {
          other.setAutoCommit(false);
          s.execute("SELECT pg_advisory_xact_lock(" + 0x5A454E4757L + ")");
          JsonObject skipped = ran(admin, day2.plus(Duration.ofMinutes(10)));
          assertEquals(false, skipped.getBoolean("ran"), skipped.toString());
          other.commit();
        }
        assertTrue(ran(admin, day2.plus(Duration.ofMinutes(15))).getBoolean("ran"));

        // Day 3 with the TCP syslog server down: recorded, retried a minute later, sent once.
        tcp.close();
        Instant day3 = t0.plus(days(2));
        JsonObject down = ran(admin, day3);
        assertEquals(2, down.getInt("retrying"), down.toString());
        assertEquals(3, received(udp, 3, "fixed-pair").size());
        Reply retrying = admin.get("api/certificate-watch/notifications?state=RETRYING");
        assertEquals(2, retrying.jsonArray().size(), retrying.body());
        JsonObject failed = retrying.jsonArray().getJsonObject(0);
        assertEquals(1, failed.getInt("attempts"));
        assertTrue(failed.getString("lastError").contains("Connect"), failed.toString());
        assertEquals(
            day3.plus(Duration.ofMinutes(1)).toString(), failed.getString("nextAttemptAt"));
        tcp = SyslogReceiver.tcp(tcpPort);
        JsonObject tooEarly = ran(admin, day3.plusSeconds(30));
        assertEquals(0, tooEarly.getInt("sent"), tooEarly.toString());
        JsonObject retried = ran(admin, day3.plus(Duration.ofMinutes(1)));
        assertEquals(2, retried.getInt("sent"), retried.toString());
        assertEquals(set("Watch 14d:12", "Watch expired:-3"), received(tcp, 2, "graduated-pair"));
        assertEquals(
            0, admin.get("api/certificate-watch/notifications?state=RETRYING").jsonArray().size());
        // Every run on request is audited (2 on the first server, 7 here).
        Reply audited =
            admin.send(
                "GET",
                "api/audit?action=certificate-watch.run",
                null,
                Map.of("Accept", "application/json"));
        assertEquals(9, audited.jsonArray().size(), audited.body());
        assertTrue(audited.body().contains("testClock"), audited.body());
      } finally {
        tcp.close();
      }
    } finally {
      Deployments.asOwnerOnServer("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  /** The messages a receiver got, as "CN-name:threshold", each checked against the RFC's form. */
  private static TreeSet<String> received(SyslogReceiver receiver, int count, String pair)
      throws InterruptedException {
    return received(receiver, count, pair, "virtual client outbound");
  }

  private static TreeSet<String> received(
      SyslogReceiver receiver, int count, String pair, String usage) throws InterruptedException {
    TreeSet<String> got = new TreeSet<>();
    for (Rfc5424.Message m : receiver.exactly(count, 1)) {
      assertEquals(16, m.facility());
      int threshold = Integer.parseInt(m.param(SD, "threshold"));
      assertEquals(threshold < 0 ? 3 : 4, m.severity());
      assertEquals(threshold < 0 ? "CERT_EXPIRED" : "CERT_EXPIRING", m.msgId());
      assertEquals("zengate", m.appName());
      assertEquals(pair, m.param(SD, "pair"));
      assertEquals(64, m.param(SD, "sha256").length());
      assertTrue(m.param(SD, "usage").contains(usage), m.param(SD, "usage"));
      String subject = m.param(SD, "subject");
      assertTrue(m.msg().contains(subject) && m.msg().contains(m.param(SD, "serial")), m.msg());
      assertTrue(m.utf8());
      got.add(subject.substring(3) + ":" + threshold);
    }
    return got;
  }

  private static TreeSet<String> set(String... values) {
    return new TreeSet<>(List.of(values));
  }

  private static Reply run(ManagementServer admin, String at) throws Exception {
    return admin.post("api/certificate-watch/run", JsonBody.of(Map.of("at", at)));
  }

  /** A run that must succeed, as its JSON summary. */
  private JsonObject ran(ManagementServer admin, Instant at) throws Exception {
    Reply reply = run(admin, at.toString());
    if (reply.status() != 200) {
      // The server's reasons: the database's and EclipseLink's lines of its log.
      StringBuilder causes = new StringBuilder();
      for (String line : current == null ? new String[0] : current.log().split("\n")) {
        if (line.contains("Caused by") || line.contains("ERROR:") || line.contains("Exception [")) {
          causes.append(line).append('\n');
        }
      }
      throw new AssertionError(reply.body() + "\n" + causes);
    }
    return reply.json();
  }

  private static JsonObject entry(Reply watch, String subject, String pair) {
    for (JsonValue value : watch.jsonArray()) {
      JsonObject entry = value.asJsonObject();
      if (subject.equals(entry.getString("subject"))
          && !entry.isNull("pairName")
          && pair.equals(entry.getString("pairName"))) {
        return entry;
      }
    }
    throw new AssertionError(subject + " in " + pair + " is not in " + watch.body());
  }

  private static long certificateId(JsonObject store, String subject) {
    for (JsonValue value : store.getJsonArray("certificates")) {
      JsonObject c = value.asJsonObject();
      if (subject.equals(c.getString("subject"))) {
        return c.getJsonNumber("id").longValue();
      }
    }
    throw new AssertionError(subject + " is not in " + store);
  }

  private static void pair(
      ManagementServer admin, String name, String syslog, String schedule, int days, long store)
      throws Exception {
    Reply pair = admin.post("api/pairs", JsonBody.of(Map.of("name", name)));
    assertEquals(201, pair.status(), pair.body());
    long id = pair.json().getJsonNumber("id").longValue();
    String etag = admin.get("api/pairs/" + id + "/settings").etag();
    Map<String, Object> settings = new HashMap<>();
    settings.put("syslogTarget", syslog);
    settings.put("expirySchedule", schedule);
    settings.put("expiryWarningDays", days);
    Reply set = admin.put("api/pairs/" + id + "/settings", JsonBody.of(settings), etag);
    assertEquals(200, set.status(), set.body());
    Map<String, Object> client = new HashMap<>();
    client.put("pairId", id);
    client.put("name", "outbound");
    client.put("listenAddress", "127.0.0.1");
    client.put("listenPort", 5020);
    client.put("targetHost", "203.0.113.50");
    client.put("targetPort", 55020);
    client.put("trustStoreId", store);
    Reply created = admin.post("api/virtual-clients", JsonBody.of(client));
    assertEquals(201, created.status(), created.body());
  }

  private static ManagementServer user(ManagementServer admin, String role) throws Exception {
    Reply created =
        admin.post(
            "api/users",
            JsonBody.of(
                Map.of(
                    "username", "watch-" + role, "password", role + "-password-1", "role", role)));
    assertEquals(201, created.status(), created.body());
    return admin.as("watch-" + role, role + "-password-1");
  }

  private static Duration days(long days) {
    return Duration.ofDays(days);
  }

  /** A self-signed CA issued a year ago, valid until {@code notAfter}. */
  private static TestPki.Issued ca(String name, Instant t0, Instant notAfter) {
    return TestPki.rootCa(name, new Instant[] {t0.minus(days(365)), notAfter});
  }
}
