package dev.zengate.management.tools;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the management database's schema up to date, as a step of its own run with the schema
 * owner's credentials (the running server holds only the application role's, so a compromised
 * server cannot drop the audit trail's guard). Run by {@code ./zengate start} before the server;
 * DBAs run it from the server's artifact:
 *
 * <pre>
 * ZENGATE_DB_URL=jdbc:postgresql://db:5432/zengate ZENGATE_DB_OWNER=zengate_owner \
 *   ZENGATE_DB_OWNER_PASSWORD=… ZENGATE_DB_USER=zengate \
 *   java -cp 'zengate/WEB-INF/lib/*' dev.zengate.management.tools.Migrate
 * </pre>
 *
 * <p>{@code ZENGATE_DB_USER} names the application's role, which the migrations grant its rights.
 * Exit 0 when the schema is current, 1 when a migration failed, 2 on missing settings.
 */
public final class Migrate {

  private Migrate() {}

  public static void main(String[] args) {
    String url = System.getenv("ZENGATE_DB_URL");
    String owner = System.getenv("ZENGATE_DB_OWNER");
    if (url == null || url.isBlank() || owner == null || owner.isBlank()) {
      System.err.println(
          "set ZENGATE_DB_URL, ZENGATE_DB_OWNER, ZENGATE_DB_OWNER_PASSWORD and ZENGATE_DB_USER");
      System.exit(2);
    }
    try {
      MigrateResult result =
          run(
              url,
              owner,
              System.getenv().getOrDefault("ZENGATE_DB_OWNER_PASSWORD", ""),
              System.getenv().getOrDefault("ZENGATE_DB_USER", "zengate"));
      System.out.println(
          "schema at version "
              + result.targetSchemaVersion
              + " ("
              + result.migrationsExecuted
              + " migrations applied now)");
    } catch (RuntimeException e) {
      System.err.println("migration failed: " + e.getMessage());
      System.exit(1);
    }
  }

  /** Applies the pending migrations as {@code owner}, granting {@code applicationRole} its part. */
  public static MigrateResult run(
      String url, String owner, String ownerPassword, String applicationRole) {
    return Flyway.configure(Migrate.class.getClassLoader())
        .dataSource(url, owner, ownerPassword)
        .placeholders(java.util.Map.of("applicationRole", applicationRole))
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }
}
