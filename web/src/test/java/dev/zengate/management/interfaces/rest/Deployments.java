package dev.zengate.management.interfaces.rest;

import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR the build produced, as every Arquillian test deploys it; and direct SQL access. */
final class Deployments {

  private Deployments() {}

  static WebArchive builtWar() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/zengate.war"));
  }

  /** A connection to this run's test database, as the application's role. */
  static Connection database() throws SQLException {
    return DriverManager.getConnection(
        System.getenv("ZENGATE_DB_URL"),
        System.getenv("ZENGATE_DB_USER"),
        System.getenv("ZENGATE_DB_PASSWORD"));
  }

  /** A connection to this run's test database as the role that owns its schema. */
  static Connection databaseAsOwner() throws SQLException {
    return dev.zengate.management.testsupport.TestDatabaseSwitch.asOwner(
        System.getenv("ZENGATE_DB_URL"));
  }

  /**
   * Runs {@code sql} (CREATE or DROP DATABASE) on the database server as the schema owner, for the
   * tests that start a management server on a database of their own.
   */
  static void asOwnerOnServer(String sql) throws SQLException {
    String url = System.getenv("ZENGATE_DB_URL");
    try (Connection c =
            dev.zengate.management.testsupport.TestDatabaseSwitch.asOwner(
                url.substring(0, url.lastIndexOf('/') + 1) + "postgres");
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  static long count(String sql) throws SQLException {
    try (Connection c = database();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
