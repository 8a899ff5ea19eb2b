package dev.zengate.management.testsupport;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives every test run a database of its own: creates the one named by {@code ZENGATE_DB_URL}
 * before the first test and drops it after the last.
 *
 * <p>The build sets {@code ZENGATE_DB_URL} to a unique {@code zengate_test_…} name per run and
 * module; the Payara processes the tests start inherit it. The database belongs to the owner role
 * ({@code ZENGATE_DB_OWNER}, else the application's role), as in production. Databases with other
 * names are never touched, so a developer's real database is safe even if the variable leaks into a
 * test run.
 */
public final class DisposableTestDatabase implements LauncherSessionListener {

  private static final Logger LOG = Logger.getLogger(DisposableTestDatabase.class.getName());
  private static final Pattern TEST_DATABASE = Pattern.compile("zengate_test_[a-z0-9_]+");

  private String created;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String url = System.getenv("ZENGATE_DB_URL");
    String name = url == null ? null : databaseName(url);
    if (name == null || !TEST_DATABASE.matcher(name).matches()) {
      return;
    }
    execute(url, "CREATE DATABASE " + name);
    created = name;
    LOG.info(() -> "Created test database " + name);
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (created != null) {
      execute(
          System.getenv("ZENGATE_DB_URL"), "DROP DATABASE IF EXISTS " + created + " WITH (FORCE)");
      LOG.info(() -> "Dropped test database " + created);
    }
  }

  private static void execute(String url, String sql) {
    String maintenanceUrl = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
    try (Connection connection = TestDatabaseSwitch.asOwner(maintenanceUrl);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          sql
              + " on "
              + maintenanceUrl
              + " failed: "
              + e.getMessage()
              + " (is PostgreSQL running?)",
          e);
    }
  }

  private static String databaseName(String jdbcUrl) {
    String path = URI.create(jdbcUrl.substring("jdbc:".length())).getPath();
    return path == null || path.length() < 2 ? null : path.substring(1);
  }
}
