package dev.zengate.management.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.management.testsupport.TestDatabaseSwitch;
import dev.zengate.management.tools.Migrate;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Least privilege: the server runs with the application role only and does not migrate; the
 * migrations are a step of their own, run as the schema owner. Until it is run the server is not
 * ready; afterwards it is, and the application role can neither create objects in the schema nor
 * delete the bundle-signing key.
 */
class SchemaMigrationStepIT {

  @TempDir Path dir;

  @Test
  void aServerWithTheApplicationRoleOnlyWaitsForTheMigrationStep() throws Exception {
    String database = "zengate_test_steps_" + System.nanoTime();
    String url = databaseUrl(database);
    owner(databaseUrl("postgres"), "CREATE DATABASE " + database);
    Map<String, String> applicationRoleOnly = new HashMap<>();
    applicationRoleOnly.put("ZENGATE_MIGRATE_AT_STARTUP", null);
    applicationRoleOnly.put("ZENGATE_DB_OWNER", null);
    applicationRoleOnly.put("ZENGATE_DB_OWNER_PASSWORD", null);
    try (PayaraMicroProcess server =
        PayaraMicroProcess.startAnswering(dir, database, applicationRoleOnly)) {
      assertEquals(503, server.anonymous().get("api/health").status(), "not ready unmigrated");
      assertTrue(server.log().contains("migrations pending"), server.tail());

      Migrate.run(
          url,
          System.getenv("ZENGATE_DB_OWNER"),
          System.getenv("ZENGATE_DB_OWNER_PASSWORD"),
          System.getenv("ZENGATE_DB_USER"));
      server.awaitHealth(200);
      assertEquals(200, server.admin().get("api/pairs").status(), "serving once migrated");

      try (Connection application =
              DriverManager.getConnection(
                  url, System.getenv("ZENGATE_DB_USER"), System.getenv("ZENGATE_DB_PASSWORD"));
          Statement s = application.createStatement()) {
        SQLException create =
            assertThrows(SQLException.class, () -> s.execute("CREATE TABLE intruder (x int)"));
        assertTrue(create.getMessage().contains("permission denied"), create.getMessage());
        SQLException delete =
            assertThrows(SQLException.class, () -> s.execute("DELETE FROM bundle_signing_key"));
        assertTrue(delete.getMessage().contains("permission denied"), delete.getMessage());
      }
    } finally {
      owner(databaseUrl("postgres"), "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  private static String databaseUrl(String database) {
    String url = System.getenv("ZENGATE_DB_URL");
    return url.substring(0, url.lastIndexOf('/') + 1) + database;
  }

  private static void owner(String url, String sql) throws Exception {
    try (Connection c = TestDatabaseSwitch.asOwner(url);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
