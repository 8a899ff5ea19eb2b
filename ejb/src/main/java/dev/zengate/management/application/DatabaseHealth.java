package dev.zengate.management.application;

import dev.zengate.management.infrastructure.persistence.DatabaseProblems;
import dev.zengate.management.infrastructure.persistence.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;

/** Answers whether the management database can be used right now, and at which schema version. */
@ApplicationScoped
public class DatabaseHealth {

  private static final int QUERY_TIMEOUT_SECONDS = 3;

  @Resource(lookup = SchemaMigration.DATASOURCE)
  private DataSource dataSource;

  @Inject private SchemaMigration migration;

  public DatabaseStatus check() {
    String schemaVersion;
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      schemaVersion = currentSchemaVersion(statement).orElse(null);
    } catch (SQLException | RuntimeException e) {
      return DatabaseStatus.unreachable(DatabaseProblems.describe(e));
    }
    Optional<String> migrationProblem = migration.problem();
    if (migrationProblem.isPresent()) {
      return DatabaseStatus.reachableButNotReady(schemaVersion, migrationProblem.get());
    }
    return DatabaseStatus.ready(schemaVersion);
  }

  private static Optional<String> currentSchemaVersion(Statement statement) throws SQLException {
    boolean historyExists;
    try (ResultSet rs = statement.executeQuery("SELECT to_regclass('flyway_schema_history')")) {
      historyExists = rs.next() && rs.getString(1) != null;
    }
    if (!historyExists) {
      return Optional.empty();
    }
    try (ResultSet rs =
        statement.executeQuery(
            "SELECT version FROM flyway_schema_history"
                + " WHERE success AND version IS NOT NULL"
                + " ORDER BY installed_rank DESC LIMIT 1")) {
      return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
    }
  }
}
