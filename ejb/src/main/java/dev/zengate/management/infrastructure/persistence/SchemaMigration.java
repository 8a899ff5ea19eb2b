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
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Declares the management database and brings its schema up to date at startup with the migrations
 * of {@code sql/migrations}.
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
    migrate();
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
