package dev.zengate.management.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.management.testsupport.TestDatabaseSwitch;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The WAR the build produced, deployed into the real Payara Micro against a real PostgreSQL:
 * datasource from the environment, migrations applied at startup, REST and readiness answering.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {

  @Deployment(testable = false)
  static WebArchive builtWar() {
    return Deployments.builtWar();
  }

  @ArquillianResource private URL deployment;

  @Test
  void anAnonymousCallerLearnsUpOrDownOnly() throws Exception {
    ManagementServer.Reply reply = new ManagementServer(deployment).get("api/health");

    assertEquals(200, reply.status(), reply.body());
    assertEquals(Set.of("status"), reply.json().keySet());
    assertEquals("UP", reply.json().getString("status"));
  }

  @Test
  void healthReportsReachableDatabaseAtLatestSchemaVersion() throws Exception {
    ManagementServer server = new ManagementServer(deployment).asAdmin();

    ManagementServer.Reply reply = server.get("api/health");

    assertEquals(200, reply.status(), reply.body());
    JsonObject body = reply.json();
    assertEquals("UP", body.getString("status"));
    assertTrue(body.getJsonObject("database").getBoolean("reachable"));
    assertEquals(
        LatestMigration.version(), body.getJsonObject("database").getString("schemaVersion"));
  }

  @Test
  void readinessFailsWithoutTellingAnonymousCallersWhyWhileTheDatabaseIsDownAndRecoversAfter()
      throws Exception {
    ManagementServer server = new ManagementServer(deployment);
    assertEquals(200, server.getFromServer("health/ready").status());

    TestDatabaseSwitch.refuseConnections();
    try {
      ManagementServer.Reply ready = server.getFromServer("health/ready");
      assertEquals(503, ready.status(), ready.body());
      JsonObject check = ready.json().getJsonArray("checks").getJsonObject(0);
      assertEquals("database", check.getString("name"));
      assertEquals("DOWN", check.getString("status"));
      assertTrue(
          !check.containsKey("data") || check.getJsonObject("data").isEmpty(),
          "anonymous: no database error: " + ready.body());

      ManagementServer.Reply anonymous = server.get("api/health");
      assertEquals(503, anonymous.status(), anonymous.body());
      assertFalse(anonymous.body().contains("accepting"), anonymous.body());

      assertEquals(Set.of("status"), anonymous.json().keySet(), anonymous.body());
    } finally {
      TestDatabaseSwitch.acceptConnections();
    }

    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    int status;
    do {
      status = server.getFromServer("health/ready").status();
    } while (status != 200 && Instant.now().isBefore(deadline) && pause());
    assertEquals(200, status, "ready again once the database accepts connections");
  }

  private static boolean pause() throws InterruptedException {
    Thread.sleep(500);
    return true;
  }
}
