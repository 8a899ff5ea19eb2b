package dev.zengate.management.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.bundle.testsupport.Ports;
import dev.zengate.management.interfaces.rest.ManagementServer.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issue's restart scenarios, with the management server and the node as operators run them
 * (separate processes, the management server on a database of its own): a management server that
 * restarts alone finds its node again over the channel and pushes to it; a node whose cached bundle
 * is gone converges from PostgreSQL to the published version. Each time the node's own status says
 * which version it runs, and a partner's TLS connection goes through it to the legacy server.
 * (Through the grid, a node without a cache never got a bundle after a restart: the grid was empty
 * and nothing unchanged was republished.)
 */
class RestartConvergenceIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void aNodeConvergesAfterAManagementRestartAndALostCache() throws Exception {
    String database = "zengate_test_restart_" + System.nanoTime();
    // Nodes learn the channel's address at enrollment: the restarted server must listen there too.
    Map<String, String> env = new HashMap<>();
    env.put("ZENGATE_NODE_CHANNEL_PORT", Integer.toString(Ports.free()));
    int listenPort = Ports.free();
    TestPki.Issued ca = TestPki.rootCa("CN=Restart Test CA " + System.nanoTime());
    Path state = dir.resolve("node");
    Deployments.asOwnerOnServer("CREATE DATABASE " + database);
    PayaraMicroProcess server = PayaraMicroProcess.start(dir, database, env);
    GatewayProcess node = null;
    try (EchoBackend backend = new EchoBackend()) {
      ManagementServer admin = server.admin();
      long pair =
          admin.post("api/pairs", JsonBody.of(Map.of("name", "restart"))).json().getInt("id");
      Reply added =
          admin.post(
              "api/pairs/" + pair + "/nodes",
              JsonBody.of(Map.of("name", "gw-r", "host", "127.0.0.1", "priority", 200)));
      assertEquals(201, added.status(), added.body());
      Map<String, Object> virtualServer = new HashMap<>();
      virtualServer.put("pairId", pair);
      virtualServer.put("name", "restart-inbound");
      virtualServer.put("bindAddress", "127.0.0.1");
      virtualServer.put("bindPort", listenPort);
      virtualServer.put("targetAddress", "127.0.0.1");
      virtualServer.put("targetPort", backend.port());
      virtualServer.put("certificateId", importServerCertificate(admin, ca));
      Reply created = admin.post("api/virtual-servers", JsonBody.of(virtualServer));
      assertEquals(201, created.status(), created.body());
      long virtualServerId = created.json().getInt("id");

      Reply token = admin.post("api/pairs/" + pair + "/nodes/gw-r/enrollment", "{}");
      assertEquals(201, token.status(), token.body());
      Path enrollLog = dir.resolve("enroll.log");
      assertEquals(
          0,
          server.enroll(
              enrollLog,
              token.json().getString("token"),
              state,
              "--server-ca",
              server.caFile().toString()),
          Files.readString(enrollLog));

      node = startNode(state, "first");
      BigInteger firstSerial = awaitServing(ca, listenPort, null, node);
      long firstVersion = published(admin, pair);
      awaitRunning(state, firstVersion, node);

      // The management server restarts alone. Meanwhile the node serves on.
      server.close();
      assertEquals(firstSerial, awaitServing(ca, listenPort, null, node), "served while down");
      server = PayaraMicroProcess.start(dir, database, env);
      admin = server.admin();
      GatewayProcess running = node;
      await("the node's channel up again", () -> channelConnected(state), running);
      awaitRunning(state, firstVersion, node);

      // And the reconnected channel carries pushes: a change made now reaches the node.
      String etag = admin.get("api/virtual-servers/" + virtualServerId).etag();
      virtualServer.put("certificateId", importServerCertificate(admin, ca));
      Reply changed =
          admin.put("api/virtual-servers/" + virtualServerId, JsonBody.of(virtualServer), etag);
      assertEquals(200, changed.status(), changed.body());
      BigInteger secondSerial = awaitServing(ca, listenPort, firstSerial, node);
      long secondVersion = published(admin, pair);
      assertTrue(secondVersion > firstVersion, secondVersion + " after " + firstVersion);
      awaitRunning(state, secondVersion, node);

      // The node stops and loses its cached bundle: it starts with nothing to serve and takes the
      // published version from the management server (from PostgreSQL, not grid memory).
      node.close();
      Files.delete(state.resolve("bundle.json"));
      deleteTree(state.resolve("versions"));
      node = startNode(state, "without-cache");
      assertEquals(secondSerial, awaitServing(ca, listenPort, null, node));
      JsonObject applied = awaitRunning(state, secondVersion, node);
      assertEquals("channel", applied.getString("source"), applied.toString());
      assertNotEquals(firstSerial, secondSerial);
    } finally {
      if (node != null) {
        node.close();
      }
      server.close();
      Deployments.asOwnerOnServer("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  private GatewayProcess startNode(Path state, String name) throws Exception {
    int adminPort = Ports.free();
    Path local = dir.resolve(name + "-local.yaml");
    Files.writeString(
        local,
        String.join(
            "\n", "node:", "  name: gw-r", "  admin:", "    listen: 127.0.0.1:" + adminPort, ""));
    Files.writeString(dir.resolve("admin-port"), Integer.toString(adminPort));
    return GatewayProcess.start(
        dir.resolve("node-" + name + ".log"),
        "managed",
        "--state-dir",
        state.toString(),
        "--config",
        local.toString());
  }

  /** The node's own {@code GET /status} (the admin endpoint of the node started last). */
  private JsonObject nodeStatus(Path state) throws Exception {
    int adminPort = Integer.parseInt(Files.readString(dir.resolve("admin-port")));
    String bearer = Files.readString(state.resolve("admin-token")).trim();
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/status"))
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

  private boolean channelConnected(Path state) {
    try {
      return nodeStatus(state)
          .getJsonObject("managed")
          .getJsonObject("channel")
          .getBoolean("connected");
    } catch (Exception notYet) {
      return false;
    }
  }

  /** Waits until the node says it runs {@code version}; returns its {@code applied} section. */
  private JsonObject awaitRunning(Path state, long version, GatewayProcess node) throws Exception {
    JsonObject[] applied = new JsonObject[1];
    await(
        "the node runs version " + version,
        () -> {
          try {
            JsonObject managed = nodeStatus(state).getJsonObject("managed");
            applied[0] = managed.isNull("applied") ? null : managed.getJsonObject("applied");
            return applied[0] != null && applied[0].getJsonNumber("version").longValue() == version;
          } catch (Exception notYet) {
            return false;
          }
        },
        node);
    return applied[0];
  }

  /** The version the management server published to the pair's node. */
  private static long published(ManagementServer admin, long pair) throws Exception {
    return admin
        .get("api/pairs/" + pair + "/nodes/gw-r")
        .json()
        .getJsonNumber("publishedVersion")
        .longValue();
  }

  private long importServerCertificate(ManagementServer admin, TestPki.Issued ca) throws Exception {
    TestPki.Issued leaf =
        TestPki.issue(
            ca,
            "CN=gw.restart.test " + System.nanoTime(),
            TestPki.ec(),
            false,
            TestPki.validNow(),
            "gw.restart.test");
    return admin.importWithKey(leaf);
  }

  /**
   * Waits for a TLS round trip through the node presenting a certificate other than {@code not};
   * returns its serial.
   */
  private static BigInteger awaitServing(
      TestPki.Issued ca, int port, BigInteger not, GatewayProcess node) throws Exception {
    Instant deadline = Instant.now().plus(PATIENCE);
    Exception last = null;
    while (Instant.now().isBefore(deadline)) {
      try (TlsProbe probe = TlsProbe.connect(ca.certificate(), "127.0.0.1", port)) {
        BigInteger serial = probe.serverSerial();
        if (!serial.equals(not) && "ping".equals(probe.echo("ping"))) {
          return serial;
        }
      } catch (Exception e) {
        last = e;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "no round trip through 127.0.0.1:" + port + " (last error " + last + ")\n" + node.output());
  }

  private static void await(String what, Callable<Boolean> condition, GatewayProcess node)
      throws Exception {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (Instant.now().isBefore(deadline)) {
      if (Boolean.TRUE.equals(condition.call())) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("timed out waiting until " + what + "\n" + node.output());
  }

  private static void deleteTree(Path root) throws Exception {
    if (!Files.exists(root)) {
      return;
    }
    try (var files = Files.walk(root)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
