package dev.zengate.management.interfaces.health;

import dev.zengate.management.application.DatabaseHealth;
import dev.zengate.management.application.DatabaseStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * MicroProfile Health readiness ({@code /health/ready}): not ready while PostgreSQL is unreachable
 * or the schema is not migrated, with the reason in one line rather than a stack trace.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Inject private DatabaseHealth databaseHealth;

  @Override
  public HealthCheckResponse call() {
    DatabaseStatus status = databaseHealth.check();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("database")
            .status(status.ready())
            .withData("reachable", status.reachable());
    if (status.schemaVersion() != null) {
      response.withData("schemaVersion", status.schemaVersion());
    }
    if (status.problem() != null) {
      response.withData("problem", status.problem());
    }
    return response.build();
  }
}
