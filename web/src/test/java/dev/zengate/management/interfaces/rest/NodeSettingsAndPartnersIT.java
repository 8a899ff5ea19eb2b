package dev.zengate.management.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.bundle.settings.SntpResponder;
import dev.zengate.bundle.syslog.Rfc5424;
import dev.zengate.bundle.syslog.SyslogReceiver;
import dev.zengate.bundle.testsupport.Ports;
import dev.zengate.management.interfaces.rest.ManagementServer.Reply;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, the nodes' half, with a real management server and two real nodes of one pair (as the
 * demo runs them: gw-a on 127.0.0.1, gw-b on 127.0.0.2, one virtual server on each node's own
 * address): pair settings set through the API are applied by both nodes (their own status, their
 * clock check against a time server on loopback, their syslog events) and shown in the pair's API;
 * a partner's client certificate seen in a real handshake is listed with where it was seen and is
 * in the certificate watch's inventory.
 */
class NodeSettingsAndPartnersIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String[] NODES = {"gw-a", "gw-b"};
  private static final String[] HOSTS = {"127.0.0.1", "127.0.0.2"};

  @TempDir static Path dir;

  private static String database;
  private static PayaraMicroProcess server;
  private static ManagementServer admin;
  private static EchoBackend backend;
  private static long pair;
  private static int listenPort;
  private static TestPki.Issued partnerCa;
  private static final Map<String, GatewayProcess> nodes = new HashMap<>();
  private static final Map<String, Integer> adminPorts = new HashMap<>();

  @BeforeAll
  static void startServerAndNodes() throws Exception {
    database = "zengate_test_nodeside_" + System.nanoTime();
    Deployments.asOwnerOnServer("CREATE DATABASE " + database);
    Map<String, String> env = new HashMap<>();
    env.put("ZENGATE_NODE_CHANNEL_PORT", Integer.toString(Ports.free()));
    server = PayaraMicroProcess.start(dir, database, env);
    admin = server.admin();
    backend = new EchoBackend();
    pair = admin.post("api/pairs", JsonBody.of(Map.of("name", "nodeside"))).json().getInt("id");
    for (int i = 0; i < NODES.length; i++) {
      Reply added =
          admin.post(
              "api/pairs/" + pair + "/nodes",
              JsonBody.of(Map.of("name", NODES[i], "host", HOSTS[i], "priority", 200 - i)));
      assertEquals(201, added.status(), added.body());
    }
    TestPki.Issued serverCa = TestPki.rootCa("CN=Nodeside Server CA " + System.nanoTime());
    partnerCa = TestPki.rootCa("CN=Partner Bank CA " + System.nanoTime());
    Reply store =
        admin.post(
            "api/trust-stores",
            JsonBody.of(Map.of("name", "partners", "certificates", partnerCa.certificatePem())));
    assertEquals(201, store.status(), store.body());
    listenPort = Ports.free();
    Map<String, Object> virtualServer = new HashMap<>();
    virtualServer.put("pairId", pair);
    virtualServer.put("name", "zengin-inbound");
    virtualServer.put("bindAddress", "0.0.0.0");
    virtualServer.put("bindPort", listenPort);
    virtualServer.put("targetAddress", "127.0.0.1");
    virtualServer.put("targetPort", backend.port());
    virtualServer.put(
        "certificateId",
        admin.importWithKey(
            TestPki.issue(
                serverCa,
                "CN=gw.nodeside.test",
                TestPki.ec(),
                false,
                TestPki.validNow(),
                "gw.nodeside.test")));
    virtualServer.put("clientAuth", "REQUIRED");
    virtualServer.put("clientTrustStoreId", store.json().getJsonNumber("id").longValue());
    Reply created = admin.post("api/virtual-servers", JsonBody.of(virtualServer));
    assertEquals(201, created.status(), created.body());
    for (String name : NODES) {
      enrollAndStart(name);
    }
    for (String name : NODES) {
      await(name + " serves zengin-inbound", () -> listenerBound(name), name);
    }
  }

  @AfterAll
  static void stopEverything() throws Exception {
    for (GatewayProcess node : nodes.values()) {
      node.close();
    }
    if (backend != null) {
      backend.close();
    }
    if (server != null) {
      server.close();
    }
    Deployments.asOwnerOnServer("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
  }

  @Test
  void dnsNtpAndSyslogSetThroughTheApiAreAppliedByBothNodes() throws Exception {
    try (SntpResponder time = SntpResponder.ahead(Duration.ofSeconds(5));
        SyslogReceiver syslog = SyslogReceiver.udp()) {
      String syslogTarget = "127.0.0.1:" + syslog.port();
      Reply current = admin.get("api/pairs/" + pair + "/settings");
      Map<String, Object> settings = new HashMap<>();
      settings.put("dnsServers", List.of("127.0.0.1:5353"));
      settings.put("ntpServers", List.of(time.address()));
      settings.put("syslogTarget", syslogTarget);
      Reply changed =
          admin.put("api/pairs/" + pair + "/settings", JsonBody.of(settings), current.etag());
      assertEquals(200, changed.status(), changed.body());

      for (String name : NODES) {
        await(
            name + " applies the settings and finds its clock 5 s behind",
            () -> {
              JsonObject status = nodeStatus(name);
              JsonObject applied = status.getJsonObject("settings");
              return applied.getJsonArray("dnsServers").getString(0).equals("127.0.0.1:5353")
                  && applied.getString("syslog").equals(syslogTarget)
                  && "skewed".equals(status.getJsonObject("clock").getString("state"));
            },
            name);
      }
      // Each node says so on its own: one CLOCK_SKEW event from each.
      Set<String> warned = new HashSet<>();
      for (int i = 0; i < NODES.length; i++) {
        Rfc5424.Message message = syslog.take(15);
        assertNotNull(message, "CLOCK_SKEW events so far from " + warned);
        assertEquals("CLOCK_SKEW", message.msgId());
        assertEquals(time.address(), message.param("zengateNode@32473", "server"));
        warned.add(message.hostname());
      }
      assertEquals(Set.of(NODES), warned);

      for (String name : NODES) {
        await(
            "the pair's API shows what " + name + " applies and its clock",
            () -> {
              JsonObject node = admin.get("api/pairs/" + pair + "/nodes/" + name).json();
              return !node.isNull("clock")
                  && "skewed".equals(node.getJsonObject("clock").getString("state"))
                  && !node.isNull("appliedSettings")
                  && node.getJsonObject("appliedSettings")
                      .getJsonArray("ntpServers")
                      .getString(0)
                      .equals(time.address());
            },
            name);
        JsonObject clock =
            admin.get("api/pairs/" + pair + "/nodes/" + name).json().getJsonObject("clock");
        long offset = clock.getJsonNumber("offsetMillis").longValue();
        assertTrue(offset > 4_500 && offset < 5_500, clock.toString());
      }
    }
  }

  @Test
  void aPartnerCertificateSeenInARealHandshakeIsInTheInventoryAndNotified() throws Exception {
    Instant now = Instant.now();
    TestPki.Issued partner =
        TestPki.issue(
            partnerCa,
            "CN=Partner Bank Client " + System.nanoTime(),
            TestPki.ec(),
            false,
            new Instant[] {now.minus(Duration.ofDays(355)), now.plus(Duration.ofDays(10))},
            null);
    Path cert = dir.resolve("partner.crt");
    Path key = dir.resolve("partner.key");
    Files.writeString(cert, partner.certificatePem());
    Files.writeString(key, partner.keyPem());
    String subject = partner.certificate().getSubjectX500Principal().getName();

    assertTrue(opensslEcho("127.0.0.1", cert, key).contains("ping"), "a round trip through gw-a");

    JsonObject[] seen = new JsonObject[1];
    await(
        "gw-a's sighting reaches the inventory",
        () -> {
          for (JsonValue v : admin.get("api/partner-certificates").jsonArray()) {
            JsonObject row = v.asJsonObject();
            if (row.getString("subject").equals(subject)) {
              seen[0] = row;
              return true;
            }
          }
          return false;
        },
        "gw-a");
    assertEquals("gw-a", seen[0].getString("nodeName"));
    assertEquals("nodeside", seen[0].getString("pairName"));
    assertEquals("zengin-inbound", seen[0].getString("listener"));
    assertEquals("client", seen[0].getString("peerRole"));
    assertEquals(0, seen[0].getInt("position"));
    assertEquals(
        partner.certificate().getNotAfter().toInstant().toString(), seen[0].getString("notAfter"));

    JsonArray watch = admin.get("api/certificate-watch").jsonArray();
    List<JsonObject> partnerEntries = new ArrayList<>();
    for (JsonValue v : watch) {
      JsonObject entry = v.asJsonObject();
      if (entry.getBoolean("partner") && entry.getString("subject").equals(subject)) {
        partnerEntries.add(entry);
      }
    }
    assertEquals(1, partnerEntries.size(), watch.toString());
    JsonObject entry = partnerEntries.get(0);
    assertEquals("nodeside", entry.getString("pairName"));
    assertTrue(
        entry
            .getJsonArray("usages")
            .getString(0)
            .startsWith(
                "node gw-a, virtual server zengin-inbound: partner client certificate (last seen"),
        entry.toString());

    // Ten days before its expiry the watch warns the pair's syslog about it, naming where.
    try (SyslogReceiver syslog = SyslogReceiver.udp()) {
      Reply current = admin.get("api/pairs/" + pair + "/settings");
      Map<String, Object> settings = new HashMap<>();
      settings.put("syslogTarget", "127.0.0.1:" + syslog.port());
      assertEquals(
          200,
          admin
              .put("api/pairs/" + pair + "/settings", JsonBody.of(settings), current.etag())
              .status());
      Reply run = admin.post("api/certificate-watch/run", "{}");
      assertEquals(200, run.status(), run.body());
      Rfc5424.Message message = null;
      for (int i = 0; i < 5 && message == null; i++) {
        Rfc5424.Message next = syslog.take(15);
        assertNotNull(next, "no expiry message for the partner's certificate");
        if (subject.equals(next.param("zengateCert@32473", "subject"))) {
          message = next;
        }
      }
      assertNotNull(message, "no expiry message for " + subject);
      assertEquals("CERT_EXPIRING", message.msgId());
      assertEquals("9", message.param("zengateCert@32473", "daysLeft"));
      assertTrue(
          message
              .param("zengateCert@32473", "usage")
              .contains("node gw-a, virtual server zengin-inbound: partner client certificate"),
          message.toString());
    }
  }

  /** A line through the node at {@code host} with openssl s_client and the partner's key. */
  private static String opensslEcho(String host, Path cert, Path key) throws Exception {
    Process process =
        new ProcessBuilder(
                "openssl",
                "s_client",
                "-connect",
                host + ":" + listenPort,
                "-cert",
                cert.toString(),
                "-key",
                key.toString(),
                "-quiet")
            .redirectErrorStream(true)
            .start();
    try {
      process.getOutputStream().write("ping\n".getBytes(StandardCharsets.US_ASCII));
      process.getOutputStream().flush();
      StringBuilder out = new StringBuilder();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      var in = process.getInputStream();
      while (System.nanoTime() < deadline && !out.toString().contains("ping")) {
        if (in.available() > 0) {
          out.append((char) in.read());
        } else {
          Thread.sleep(20);
        }
      }
      process.getOutputStream().close();
      return out.toString();
    } finally {
      process.destroy();
      process.waitFor(5, TimeUnit.SECONDS);
    }
  }

  private static void enrollAndStart(String name) throws Exception {
    Reply token = admin.post("api/pairs/" + pair + "/nodes/" + name + "/enrollment", "{}");
    assertEquals(201, token.status(), token.body());
    Path state = dir.resolve(name);
    Path enrollLog = dir.resolve(name + "-enroll.log");
    assertEquals(
        0,
        server.enroll(
            enrollLog,
            token.json().getString("token"),
            state,
            "--server-ca",
            server.caFile().toString()),
        Files.readString(enrollLog));
    int adminPort = Ports.free();
    adminPorts.put(name, adminPort);
    Path local = dir.resolve(name + "-local.yaml");
    Files.writeString(
        local,
        String.join(
            "\n",
            "node:",
            "  name: " + name,
            "  admin:",
            "    listen: 127.0.0.1:" + adminPort,
            ""));
    nodes.put(
        name,
        GatewayProcess.start(
            dir.resolve(name + ".log"),
            "managed",
            "--state-dir",
            state.toString(),
            "--config",
            local.toString()));
  }

  private static JsonObject nodeStatus(String name) throws Exception {
    String bearer = Files.readString(dir.resolve(name).resolve("admin-token")).trim();
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + adminPorts.get(name) + "/status"))
                    .header("Authorization", "Bearer " + bearer)
                    .timeout(Duration.ofSeconds(3))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("status " + response.statusCode() + ": " + response.body());
    }
    try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
      return reader.readObject();
    }
  }

  private static boolean listenerBound(String name) throws Exception {
    for (JsonValue listener : nodeStatus(name).getJsonArray("listeners")) {
      if (listener.asJsonObject().getBoolean("bound")) {
        return true;
      }
    }
    return false;
  }

  private static void await(String what, Callable<Boolean> condition, String node)
      throws Exception {
    Instant deadline = Instant.now().plus(PATIENCE);
    Exception last = null;
    while (Instant.now().isBefore(deadline)) {
      try {
        if (Boolean.TRUE.equals(condition.call())) {
          return;
        }
      } catch (Exception notYet) {
        last = notYet;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "timed out waiting until "
            + what
            + " (last error "
            + last
            + ")\n"
            + nodes.get(node).output());
  }
}
