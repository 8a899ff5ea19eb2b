package dev.zengate.management.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes this run's test database refuse connections and accept them again, as PostgreSQL does while
 * it is down or restarting, without touching the server other runs may share.
 */
public final class TestDatabaseSwitch {

  private TestDatabaseSwitch() {}

  /** Refuses new connections and ends the management server's open ones. */
  public static void refuseConnections() throws SQLException {
    String name = databaseName();
    try (Connection c = maintenanceConnection();
        Statement s = c.createStatement()) {
      s.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
      s.execute(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
    }
  }

  public static void acceptConnections() throws SQLException {
    try (Connection c = maintenanceConnection();
        Statement s = c.createStatement()) {
      s.execute("ALTER DATABASE " + databaseName() + " ALLOW_CONNECTIONS true");
    }
  }

  private static Connection maintenanceConnection() throws SQLException {
    String url = System.getenv("ZENGATE_DB_URL");
    return DriverManager.getConnection(
        url.substring(0, url.lastIndexOf('/') + 1) + "postgres",
        System.getenv("ZENGATE_DB_USER"),
        System.getenv("ZENGATE_DB_PASSWORD"));
  }

  private static String databaseName() {
    String url = System.getenv("ZENGATE_DB_URL");
    String name = url.substring(url.lastIndexOf('/') + 1);
    if (!name.matches("zengate_test_[a-z0-9_]+")) {
      throw new IllegalStateException("refusing to switch off a non-test database: " + name);
    }
    return name;
  }
}
