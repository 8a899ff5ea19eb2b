package dev.zengate.management.infrastructure.persistence;

import dev.zengate.management.application.SchemaReady;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Declares the management database and checks at startup that its schema is current. The migrations
 * of {@code sql/migrations} are a step of their own, run with the schema owner's credentials before
 * the server starts ({@code dev.zengate.management.tools.Migrate}, run by {@code ./zengate start}):
 * the server holds only the application role. Until the schema is current the server is not ready,
 * says why, and checks again every 10 s. Only with {@code ZENGATE_MIGRATE_AT_STARTUP=true} (tests,
 * single-role trials) does the server migrate by itself.
 *
 * <p>The connection comes from the environment ({@code ZENGATE_DB_URL}, {@code ZENGATE_DB_USER},
 * {@code ZENGATE_DB_PASSWORD}; by default the local database {@code zengate} as role {@code
 * zengate}) so no administration step is needed on Payara Micro or Server. When PostgreSQL is
 * unreachable at startup the application still deploys: the failure is logged in one line,
 * readiness reports it, and the migration is retried until it succeeds.
 */
@DataSourceDefinition(
    name = SchemaMigration.DATASOURCE,
    className = "org.postgresql.ds.PGSimpleDataSource",
    // ${ENV=NAME:default}: Payara's variable syntax; the default is the local database.
    url = "${ENV=ZENGATE_DB_URL:jdbc:postgresql://127.0.0.1:5432/zengate}",
    user = "${ENV=ZENGATE_DB_USER:zengate}",
    password = "${ENV=ZENGATE_DB_PASSWORD:}",
    loginTimeout = 5,
    minPoolSize = 0,
    maxPoolSize = 32,
    properties = {
      "connectTimeout=5",
      "socketTimeout=60",
      "ApplicationName=zengate-management",
      // After PostgreSQL restarts, drop the dead pooled connections instead of handing them out.
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
      "fish.payara.fail-all-connections=true"
    })
@Startup
@Singleton
@Lock(LockType.READ)
public class SchemaMigration {

  public static final String DATASOURCE = "java:app/jdbc/zengate";
  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());
  private static final long RETRY_MILLIS = 10_000;

  @Resource(lookup = DATASOURCE)
  private DataSource dataSource;

  @Resource private TimerService timers;

  @Inject private Event<SchemaReady> schemaReady;

  private volatile String problem = "migration has not run yet";

  @PostConstruct
  void migrateAtStartup() {
    if (!migratesItself()) {
      check();
      return;
    }
    if (!MigrationAccount.fromEnvironment().separateOwner()) {
      LOG.warning(
          "ZENGATE_DB_OWNER is not set: the schema is owned by the application's own role, so the"
              + " audit trail's append-only rule rests on a trigger that role could drop (the hash"
              + " chain still reveals changes); see sql/README.md");
    }
    migrate();
  }

  @Timeout
  void retry() {
    if (migratesItself()) {
      migrate();
    } else {
      check();
    }
  }

  private static boolean migratesItself() {
    return "true".equalsIgnoreCase(System.getenv("ZENGATE_MIGRATE_AT_STARTUP"));
  }

  /** Reads the schema's state as the application role; ready when nothing is pending. */
  private void check() {
    try {
      MigrationInfoService info =
          Flyway.configure(SchemaMigration.class.getClassLoader())
              .dataSource(dataSource)
              .placeholders(
                  Map.of(
                      "applicationRole",
                      System.getenv().getOrDefault("ZENGATE_DB_USER", "zengate")))
              .locations("classpath:db/migration")
              .load()
              .info();
      MigrationInfo current = info.current();
      int pending = info.pending().length;
      if (current != null && pending == 0) {
        problem = null;
        String version = current.getVersion().getVersion();
        schemaReady.fire(new SchemaReady(version));
        LOG.info(() -> "Database schema at version " + version);
        return;
      }
      problem =
          "the database schema is at version "
              + (current == null ? "none" : current.getVersion().getVersion())
              + " with "
              + pending
              + " migrations pending: run them with the owner's credentials"
              + " (./zengate start does; see sql/README.md)";
    } catch (RuntimeException e) {
      problem = "cannot read the schema's version: " + DatabaseProblems.describe(e);
    }
    LOG.log(
        Level.WARNING, "{0}; checking again in {1} s", new Object[] {problem, RETRY_MILLIS / 1000});
    timers.createSingleActionTimer(RETRY_MILLIS, new TimerConfig(null, false));
  }

  /** Why the schema is not up to date, or empty once the migrations have been applied. */
  public Optional<String> problem() {
    return Optional.ofNullable(problem);
  }

  private void migrate() {
    try {
      MigrateResult result =
          MigrationAccount.fromEnvironment()
              .configure(Flyway.configure(SchemaMigration.class.getClassLoader()), dataSource)
              .locations("classpath:db/migration")
              .load()
              .migrate();
      problem = null;
      schemaReady.fire(new SchemaReady(result.targetSchemaVersion));
      LOG.info(
          () ->
              "Database schema at version "
                  + result.targetSchemaVersion
                  + " ("
                  + result.migrationsExecuted
                  + " migrations applied now)");
    } catch (RuntimeException e) {
      problem = "schema migration failed: " + DatabaseProblems.describe(e);
      LOG.log(Level.WARNING, "{0}; retrying in {1} s", new Object[] {problem, RETRY_MILLIS / 1000});
      timers.createSingleActionTimer(RETRY_MILLIS, new TimerConfig(null, false));
    }
  }
}
