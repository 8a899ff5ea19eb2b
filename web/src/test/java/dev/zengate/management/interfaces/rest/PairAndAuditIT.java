package dev.zengate.management.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.management.interfaces.rest.ManagementServer.Reply;
import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pairs and nodes edited by two operators at once (ETag/If-Match), and the audit trail those edits
 * leave: filtered, exported, verified, and found broken when a row is altered behind the
 * application's back.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PairAndAuditIT {

  @Deployment(testable = false)
  static WebArchive builtWar() {
    return Deployments.builtWar();
  }

  @ArquillianResource private URL deployment;

  private ManagementServer admin() {
    return new ManagementServer(deployment).asAdmin();
  }

  @Test
  void twoOperatorsCannotSilentlyOverwriteEachOther() throws Exception {
    Reply created =
        admin().post("api/pairs", JsonBody.of(Map.of("name", "tokyo-dc1", "site", "Tokyo")));
    assertEquals(201, created.status(), created.body());
    long id = created.json().getJsonNumber("id").longValue();
    String etag = admin().get("api/pairs/" + id).etag();

    Reply first =
        admin()
            .put(
                "api/pairs/" + id,
                JsonBody.of(Map.of("name", "tokyo-dc1", "site", "Tokyo Otemachi")),
                etag);
    assertEquals(200, first.status(), first.body());
    assertNotEquals(etag, first.etag());

    Reply second =
        admin()
            .put(
                "api/pairs/" + id, JsonBody.of(Map.of("name", "tokyo-dc1", "site", "Osaka")), etag);
    assertEquals(412, second.status(), second.body());
    assertTrue(second.detail().contains("changed by someone else"), second.body());

    Reply blind =
        admin()
            .put(
                "api/pairs/" + id, JsonBody.of(Map.of("name", "tokyo-dc1", "site", "Osaka")), null);
    assertEquals(428, blind.status(), blind.body());

    assertEquals("Tokyo Otemachi", admin().get("api/pairs/" + id).json().getString("site"));
  }

  @Test
  void aPairHoldsAMasterAndABackupWithValidPriorities() throws Exception {
    long id =
        admin()
            .post("api/pairs", JsonBody.of(Map.of("name", "osaka-dc2")))
            .json()
            .getJsonNumber("id")
            .longValue();

    assertEquals(
        201,
        admin()
            .post(
                "api/pairs/" + id + "/nodes",
                JsonBody.of(Map.of("name", "gw-a", "host", "10.0.0.1", "priority", 200)))
            .status());
    assertEquals(
        201,
        admin()
            .post(
                "api/pairs/" + id + "/nodes",
                JsonBody.of(Map.of("name", "gw-b", "host", "10.0.0.2", "priority", 100)))
            .status());
    Reply third =
        admin()
            .post(
                "api/pairs/" + id + "/nodes",
                JsonBody.of(Map.of("name", "gw-c", "host", "10.0.0.3")));
    assertEquals(422, third.status(), third.body());
    assertTrue(third.detail().contains("already has 2 nodes"), third.body());

    Reply badPriority =
        admin()
            .put(
                "api/pairs/" + id + "/nodes/gw-b",
                JsonBody.of(Map.of("host", "10.0.0.2", "priority", 300)),
                admin().get("api/pairs/" + id + "/nodes/gw-b").etag());
    assertEquals(422, badPriority.status(), badPriority.body());
    assertTrue(badPriority.detail().contains("priority 300 is outside 1-254"), badPriority.body());

    Reply duplicate = admin().post("api/pairs", JsonBody.of(Map.of("name", "osaka-dc2")));
    assertEquals(409, duplicate.status(), duplicate.body());
    Reply badName = admin().post("api/pairs", JsonBody.of(Map.of("name", "no spaces allowed")));
    assertEquals(422, badName.status(), badName.body());

    assertEquals(2, admin().get("api/pairs/" + id).json().getJsonArray("nodes").size());
  }

  @Test
  void theAttentionSummaryCountsOverEveryPairAndListsTheOldestFirst() throws Exception {
    JsonObject before = admin().get("api/attention").json();
    String prefix = "attention-" + System.nanoTime();
    for (int i = 0; i < 7; i++) {
      pairWithNodes(prefix + "-behind-" + i, "gw-a");
    }
    pairWithNodes(prefix + "-two-masters", "gw-a", "gw-b");
    pairWithNodes(prefix + "-silent", "gw-a");
    try (Connection db = Deployments.database();
        Statement s = db.createStatement()) {
      // What nodes would have reported: the channel writes these columns.
      s.executeUpdate(
          "UPDATE gateway_node n SET public_key = 'k', published_version = 2,"
              + " published_hash = 'aa', applied_config_hash = 'bb', applied_config_version = 1,"
              + " last_heartbeat_at = now(), published_at = now() - interval '10 years'"
              + " - CAST(substring(p.name from '[0-9]+$') AS INT) * interval '1 hour'"
              + " FROM gateway_pair p WHERE p.id = n.pair_id AND p.name LIKE '"
              + prefix
              + "-behind-%'");
      s.executeUpdate(
          "UPDATE gateway_node n SET public_key = 'k', reported_role = 'MASTER',"
              + " last_heartbeat_at = now() FROM gateway_pair p WHERE p.id = n.pair_id"
              + " AND p.name = '"
              + prefix
              + "-two-masters'");
      s.executeUpdate(
          "UPDATE gateway_node n SET public_key = 'k', last_heartbeat_at = now() - interval"
              + " '1 hour' FROM gateway_pair p WHERE p.id = n.pair_id AND p.name = '"
              + prefix
              + "-silent'");
    }

    JsonObject after = admin().get("api/attention").json();
    JsonObject behind = after.getJsonObject("outOfSync");
    assertEquals(count(before, "outOfSync") + 7, behind.getInt("count"), after.toString());
    assertEquals(5, behind.getJsonArray("first").size(), "only the first few are sent");
    JsonObject oldest = behind.getJsonArray("first").getJsonObject(0);
    assertEquals(prefix + "-behind-6", oldest.getString("pairName"));
    assertEquals(2, oldest.getInt("publishedVersion"));
    assertEquals(1, oldest.getInt("appliedVersion"));
    assertEquals(count(before, "splitBrain") + 1, count(after, "splitBrain"), after.toString());
    assertEquals(count(before, "notReporting") + 1, count(after, "notReporting"));
  }

  private static int count(JsonObject summary, String kind) {
    return summary.getJsonObject(kind).getInt("count");
  }

  private void pairWithNodes(String name, String... nodes) throws Exception {
    Reply pair = admin().post("api/pairs", JsonBody.of(Map.of("name", name)));
    assertEquals(201, pair.status(), pair.body());
    long id = pair.json().getJsonNumber("id").longValue();
    int priority = 200;
    for (String node : nodes) {
      Reply created =
          admin()
              .post(
                  "api/pairs/" + id + "/nodes",
                  JsonBody.of(Map.of("name", node, "host", "10.0.0.1", "priority", priority)));
      assertEquals(201, created.status(), created.body());
      priority -= 100;
    }
  }

  @Test
  void aPairsProxyDnsTimeSyslogAndExpirySettingsAreCheckedAndKept() throws Exception {
    long id =
        admin()
            .post("api/pairs", JsonBody.of(Map.of("name", "settings-" + System.nanoTime())))
            .json()
            .getJsonNumber("id")
            .longValue();
    Reply defaults = admin().get("api/pairs/" + id + "/settings");
    assertEquals(200, defaults.status(), defaults.body());
    assertEquals(30, defaults.json().getInt("expiryWarningDays"));
    assertEquals("FIXED", defaults.json().getString("expirySchedule"));

    Map<String, Object> settings = new java.util.HashMap<>();
    settings.put("httpProxyUrl", "http://proxy.bank.example:8080");
    settings.put("dnsServers", java.util.List.of("192.0.2.53", "2001:db8::53"));
    settings.put("ntpServers", java.util.List.of("ntp.nict.jp"));
    settings.put("syslogTarget", "syslog.bank.example:514");
    settings.put("expirySchedule", "GRADUATED");
    settings.put("expiryWarningDays", 60);
    Reply changed =
        admin().put("api/pairs/" + id + "/settings", JsonBody.of(settings), defaults.etag());
    assertEquals(200, changed.status(), changed.body());
    assertEquals(
        "GRADUATED",
        admin().get("api/pairs/" + id + "/settings").json().getString("expirySchedule"));

    Map<String, String> badInput =
        Map.of(
            "syslogTarget", "syslog target port 70000 is out of range 1-65535",
            "expiryWarningDays", "expiry warning days 400 is outside 1-365",
            "httpProxyUrl", "must look like http://host:port",
            "dnsServers", "DNS server 'dns.example' is not an IP address",
            "ntpServers", "NTP server 'ntp_bad' is not a host name or IP address",
            "emailRecipients", "emailRecipients[0]: 'not-an-address' is not an e-mail address");
    for (Map.Entry<String, String> bad : badInput.entrySet()) {
      Map<String, Object> wrong = new java.util.HashMap<>(settings);
      switch (bad.getKey()) {
        case "expiryWarningDays" -> wrong.put("expiryWarningDays", 400);
        case "httpProxyUrl" -> wrong.put("httpProxyUrl", "proxy.bank.example");
        case "syslogTarget" -> wrong.put("syslogTarget", "syslog.bank.example:70000");
        case "dnsServers" -> wrong.put("dnsServers", java.util.List.of("dns.example"));
        case "ntpServers" -> wrong.put("ntpServers", java.util.List.of("ntp_bad"));
        default ->
            wrong.put("emailRecipients", java.util.List.of(Map.of("address", "not-an-address")));
      }
      Reply refused =
          admin().put("api/pairs/" + id + "/settings", JsonBody.of(wrong), changed.etag());
      assertEquals(422, refused.status(), bad.getKey() + ": " + refused.body());
      assertTrue(refused.detail().contains(bad.getValue()), refused.body());
    }
    assertEquals(
        60,
        admin().get("api/pairs/" + id + "/settings").json().getInt("expiryWarningDays"),
        "refused changes left nothing");
  }

  @Test
  void changesAreAuditedWithBeforeAndAfterAndExportableAsCsv() throws Exception {
    long id =
        admin()
            .post("api/pairs", JsonBody.of(Map.of("name", "audit-me", "site", "Nagoya")))
            .json()
            .getJsonNumber("id")
            .longValue();
    String etag = admin().get("api/pairs/" + id).etag();
    admin()
        .put("api/pairs/" + id, JsonBody.of(Map.of("name", "audit-me", "site", "Fukuoka")), etag);

    Reply events = admin().get("api/audit?objectType=pair&objectId=" + id);
    assertEquals(200, events.status(), events.body());
    assertEquals(2, events.jsonArray().size());
    JsonObject update = events.jsonArray().getJsonObject(0);
    assertEquals("pair.update", update.getString("action"));
    assertEquals("admin", update.getString("actor"));
    assertTrue(update.getString("before").contains("Nagoya"), update.toString());
    assertTrue(update.getString("after").contains("Fukuoka"), update.toString());
    assertFalse(update.getString("sourceAddress").isEmpty());

    Reply csv =
        admin()
            .send(
                "GET",
                "api/audit?objectType=pair&objectId=" + id,
                null,
                Map.of("Accept", "text/csv"));
    assertEquals(200, csv.status(), csv.body());
    String[] lines = csv.body().split("\r\n");
    assertTrue(lines[0].startsWith("id,occurred_at,actor"), lines[0]);
    assertEquals(3, lines.length, csv.body());

    Reply badFilter = admin().get("api/audit?from=yesterday");
    assertEquals(422, badFilter.status(), badFilter.body());
  }

  @Test
  void aBodyThatCannotBeReadIsExplainedInWordsAndStoresNothing() throws Exception {

    Map<String, String> cases =
        Map.of(
            "{\"name\":\"json-a\",\"site\":\"Osaka\",\"bogus\":1}", "unknown field 'bogus'",
            "{\"name\":\"json-b\",\"si", "the body ends before the JSON is complete",
            "{\"name\":\"json-c\" \"site\":1}", "the body is not valid JSON at line 1, column");
    for (var c : cases.entrySet()) {
      Reply reply = admin().post("api/pairs", c.getKey());
      assertEquals(400, reply.status(), reply.body());
      String detail = reply.json().getString("detail");
      assertTrue(detail.contains(c.getValue()), c.getKey() + " -> " + detail);
      assertFalse(detail.contains("class"), detail);
      assertFalse(detail.contains("Expected tokens"), detail);
      assertEquals(detail.indexOf("line"), detail.lastIndexOf("line"), "said once: " + detail);
    }
    assertEquals(0, admin().get("api/pairs?q=json-").jsonArray().size(), "nothing stored");
  }

  @Test
  void theAuditTrailRefusesChangesAndItsChainDetectsARowAlteredInSql() throws Exception {
    admin().post("api/pairs", JsonBody.of(Map.of("name", "chain-" + System.nanoTime())));
    JsonObject intact = admin().get("api/audit/verify").json();
    assertTrue(intact.getBoolean("intact"), intact.toString());

    try (Connection db = Deployments.database();
        Statement s = db.createStatement()) {
      // The application's own role may neither change the trail nor switch its guard off.
      assertRefused(s, "DELETE FROM audit_event", "permission denied");
      assertRefused(s, "UPDATE audit_event SET actor = 'x'", "permission denied");
      assertRefused(
          s, "ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only", "must be owner");
    }
    try (Connection db = Deployments.databaseAsOwner();
        Statement s = db.createStatement()) {
      assertRefused(s, "DELETE FROM audit_event", "append-only");
    }

    long victim = Deployments.count("SELECT MIN(id) FROM audit_event WHERE action = 'pair.create'");
    try (Connection db = Deployments.databaseAsOwner();
        Statement s = db.createStatement()) {
      // What an intruder with the schema owner's rights could do: the chain still tells.
      s.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only");
      s.executeUpdate("UPDATE audit_event SET actor = 'someone-else' WHERE id = " + victim);
      s.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only");
    }

    JsonObject broken = admin().get("api/audit/verify").json();
    assertFalse(broken.getBoolean("intact"), broken.toString());
    assertEquals(victim, broken.getJsonNumber("firstBrokenEventId").longValue());
    assertTrue(broken.getString("problem").contains("altered"), broken.toString());
  }

  private static void assertRefused(Statement statement, String sql, String reason) {
    SQLException refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            SQLException.class, () -> statement.execute(sql));
    assertTrue(refused.getMessage().contains(reason), sql + ": " + refused.getMessage());
  }
}
