package dev.zengate.management.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.management.interfaces.rest.ManagementServer.Reply;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's master-key rotation, end to end with restarts: seal secrets under key 1, restart
 * with key 2 (key 1 as previous) and re-wrap, restart with key 2 alone: every sealed secret still
 * opens (the bundle-signing key used to be left behind, after which every publication and
 * enrollment failed). Runs its own servers on a database of its own, since the other tests' servers
 * use the test master key.
 */
class MasterKeyRotationIT {

  @TempDir java.nio.file.Path dir;

  @Test
  void afterRotatingAndDroppingThePreviousKeyEverySealedSecretStillOpens() throws Exception {
    String database = "zengate_test_rotation_" + System.nanoTime();
    String first = randomKey();
    String second = randomKey();
    Deployments.asOwnerOnServer("CREATE DATABASE " + database);
    try {
      TestPki.Issued leaf =
          TestPki.issue(
              TestPki.rootCa("CN=Rotation Root"),
              "CN=rotation.test.example",
              TestPki.ec(),
              false,
              TestPki.validNow(),
              null);
      long certificate;
      long pair;
      try (PayaraMicroProcess server = PayaraMicroProcess.start(dir, database, key(first, null))) {
        ManagementServer admin = server.admin();
        Reply imported =
            admin.post(
                "api/certificates",
                JsonBody.of(
                    Map.of("certificates", leaf.certificatePem(), "privateKey", leaf.keyPem())));
        assertEquals(201, imported.status(), imported.body());
        certificate = imported.json().getJsonObject("certificate").getJsonNumber("id").longValue();
        pair =
            admin
                .post("api/pairs", JsonBody.of(Map.of("name", "rotation")))
                .json()
                .getJsonNumber("id")
                .longValue();
        Reply node =
            admin.post(
                "api/pairs/" + pair + "/nodes",
                JsonBody.of(Map.of("name", "gw-r", "host", "127.0.0.1", "priority", 200)));
        assertEquals(201, node.status(), node.body());
        // The enrollment token carries the bundle-signing key's fingerprint: the key is made.
        assertEquals(201, issueToken(admin, pair).status());
      }

      try (PayaraMicroProcess server =
          PayaraMicroProcess.start(dir, database, key(second, first))) {
        Reply rewrapped = server.admin().post("api/certificates/keys/rewrap", "{}");
        assertEquals(200, rewrapped.status(), rewrapped.body());
        JsonObject counts = rewrapped.json();
        assertEquals(1, counts.getInt("privateKeys"), rewrapped.body());
        // The bundle-signing key and the node-channel CA.
        assertEquals(2, counts.getInt("managementKeys"), rewrapped.body());
      }

      try (PayaraMicroProcess server = PayaraMicroProcess.start(dir, database, key(second, null))) {
        ManagementServer admin = server.admin();
        Reply token = issueToken(admin, pair);
        assertEquals(201, token.status(), token.body() + "\n" + server.tail());
        Reply export =
            admin.post(
                "api/certificates/" + certificate + "/export",
                JsonBody.of(Map.of("passphrase", "export-passphrase-1")));
        assertEquals(200, export.status(), export.body());
        KeyStore p12 = KeyStore.getInstance("PKCS12");
        p12.load(new ByteArrayInputStream(export.bytes()), "export-passphrase-1".toCharArray());
        PrivateKey key =
            (PrivateKey)
                p12.getKey(p12.aliases().nextElement(), "export-passphrase-1".toCharArray());
        assertArrayEquals(leaf.keys().getPrivate().getEncoded(), key.getEncoded());
      }
    } finally {
      Deployments.asOwnerOnServer("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  @Test
  void aPublicationThatCannotOpenTheSigningKeyIsShownInStatusHealthAndAuditOnce() throws Exception {
    String database = "zengate_test_unpublishable_" + System.nanoTime();
    String first = randomKey();
    Deployments.asOwnerOnServer("CREATE DATABASE " + database);
    try {
      long pair;
      try (PayaraMicroProcess server = PayaraMicroProcess.start(dir, database, key(first, null))) {
        ManagementServer admin = server.admin();
        pair = admin.post("api/pairs", JsonBody.of(Map.of("name", "stuck"))).json().getInt("id");
        Reply node =
            admin.post(
                "api/pairs/" + pair + "/nodes",
                JsonBody.of(Map.of("name", "gw-r", "host", "127.0.0.1", "priority", 200)));
        assertEquals(201, node.status(), node.body());
        String token = issueToken(admin, pair).json().getString("token");
        java.nio.file.Path log = dir.resolve("enroll.log");
        int enrolled =
            server.enroll(
                log, token, dir.resolve("node"), "--server-ca", server.caFile().toString());
        assertEquals(0, enrolled, java.nio.file.Files.readString(log));
      }

      // Restarted with another master key and without the previous one: the bundle-signing key
      // it sealed cannot be opened, so nothing can be published.
      try (PayaraMicroProcess server =
          PayaraMicroProcess.start(dir, database, key(randomKey(), null))) {
        ManagementServer admin = server.admin();
        Reply manual = admin.post("api/pairs/" + pair + "/publish?force=true", "{}");
        assertEquals(503, manual.status(), manual.body());
        assertTrue(manual.body().contains("publication failed"), manual.body());
        // An automatic publication after a change that reaches the node's bundle (its HTTP
        // proxy) fails the same way: still one audit row.
        Reply settings = admin.get("api/pairs/" + pair + "/settings");
        Reply changed =
            admin.put(
                "api/pairs/" + pair + "/settings",
                JsonBody.of(Map.of("httpProxyUrl", "http://proxy.bank.example:8080")),
                settings.etag());
        assertEquals(200, changed.status(), changed.body());
        JsonObject failing = awaitFailingHealth(admin, server);

        JsonObject status = admin.get("api/pairs/" + pair).json();
        JsonObject enrolledNode =
            status.getJsonArray("nodes").stream()
                .map(JsonObject.class::cast)
                .filter(n -> n.getString("name").equals("gw-r"))
                .findFirst()
                .orElseThrow();
        assertFalse(enrolledNode.isNull("publicationFailedAt"), enrolledNode.toString());
        String reason = enrolledNode.getString("publicationFailure");
        assertTrue(reason.toLowerCase(java.util.Locale.ROOT).contains("key"), reason);
        assertEquals(1, failing.getJsonObject("publications").getInt("nodes"), failing.toString());
        assertEquals(
            "UP",
            server.anonymous().get("api/health").json().getString("status"),
            "the server still serves: the API is how the cause is fixed");
        Reply audited = admin.get("api/audit?action=bundle.publish.failed");
        assertEquals(200, audited.status(), audited.body());
        assertEquals(1, audited.jsonArray().size(), audited.body());
      }
    } finally {
      Deployments.asOwnerOnServer("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  /** /api/health, once it says publications are failing (the automatic one runs after commit). */
  private static JsonObject awaitFailingHealth(ManagementServer admin, PayaraMicroProcess server)
      throws Exception {
    long deadline = System.nanoTime() + 20_000_000_000L;
    JsonObject health = admin.get("api/health").json();
    while (!health.getJsonObject("publications").getString("status").equals("FAILING")
        && System.nanoTime() < deadline) {
      Thread.sleep(200);
      health = admin.get("api/health").json();
    }
    assertEquals(
        "FAILING",
        health.getJsonObject("publications").getString("status"),
        health + "\n" + server.tail());
    return health;
  }

  private static Reply issueToken(ManagementServer admin, long pair) throws Exception {
    return admin.post("api/pairs/" + pair + "/nodes/gw-r/enrollment", "{}");
  }

  private static Map<String, String> key(String current, String previous) {
    Map<String, String> env = new HashMap<>();
    env.put("ZENGATE_MASTER_KEY", current);
    env.put("ZENGATE_MASTER_KEY_PREVIOUS", previous);
    return env;
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
