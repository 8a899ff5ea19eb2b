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
    try (Connection owner = asOwner(maintenanceUrl());
        Statement s = owner.createStatement()) {
      s.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
    }
    // A role may end its own sessions: the application's role ends the server's.
    try (Connection application =
            DriverManager.getConnection(
                maintenanceUrl(),
                System.getenv("ZENGATE_DB_USER"),
                System.getenv("ZENGATE_DB_PASSWORD"));
        Statement s = application.createStatement()) {
      s.execute(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
              + name
              + "' AND pid <> pg_backend_pid()");
    }
  }

  public static void acceptConnections() throws SQLException {
    try (Connection c = asOwner(maintenanceUrl());
        Statement s = c.createStatement()) {
      s.execute("ALTER DATABASE " + databaseName() + " ALLOW_CONNECTIONS true");
    }
  }

  /** A connection as the role that owns the test databases (the application's if none is set). */
  public static Connection asOwner(String url) throws SQLException {
    String owner = System.getenv("ZENGATE_DB_OWNER");
    boolean separate = owner != null && !owner.isBlank();
    return DriverManager.getConnection(
        url,
        separate ? owner : System.getenv("ZENGATE_DB_USER"),
        separate
            ? System.getenv("ZENGATE_DB_OWNER_PASSWORD")
            : System.getenv("ZENGATE_DB_PASSWORD"));
  }

  private static String maintenanceUrl() {
    String url = System.getenv("ZENGATE_DB_URL");
    return url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
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
