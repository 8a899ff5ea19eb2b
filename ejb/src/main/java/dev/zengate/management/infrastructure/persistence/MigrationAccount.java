package dev.zengate.management.infrastructure.persistence;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Which database role runs the migrations. With {@code ZENGATE_DB_OWNER} set, a separate owner role
 * owns the schema and the migrations grant the application's role ({@code ZENGATE_DB_USER}) only
 * what it needs: it cannot UPDATE, DELETE or TRUNCATE the audit trail, nor disable its trigger.
 * Without it, the application's role runs them and owns everything (single-role installations).
 */
record MigrationAccount(String url, String owner, String ownerPassword, String applicationRole) {

  static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/zengate";

  static MigrationAccount fromEnvironment() {
    Map<String, String> env = System.getenv();
    return new MigrationAccount(
        env.getOrDefault("ZENGATE_DB_URL", DEFAULT_URL),
        blankToNull(env.get("ZENGATE_DB_OWNER")),
        env.getOrDefault("ZENGATE_DB_OWNER_PASSWORD", ""),
        env.getOrDefault("ZENGATE_DB_USER", "zengate"));
  }

  boolean separateOwner() {
    return owner != null && !owner.equals(applicationRole);
  }

  FluentConfiguration configure(FluentConfiguration flyway, DataSource applicationDataSource) {
    flyway.placeholders(Map.of("applicationRole", applicationRole));
    return separateOwner()
        ? flyway.dataSource(url, owner, ownerPassword)
        : flyway.dataSource(applicationDataSource);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
