package dev.zengate.management.interfaces.health;

import dev.zengate.management.application.DatabaseHealth;
import dev.zengate.management.application.DatabaseStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * MicroProfile Health readiness ({@code /health/ready}): not ready while PostgreSQL is unreachable
 * or the schema is not migrated. The endpoint answers anyone, so it says up or down only; the
 * reason goes to the server log (once per change) and to signed-in callers of {@code /api/health}.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class.getName());

  @Inject private DatabaseHealth databaseHealth;
  private final AtomicReference<String> lastProblem = new AtomicReference<>();

  @Override
  public HealthCheckResponse call() {
    DatabaseStatus status = databaseHealth.check();
    String problem = status.ready() ? null : String.valueOf(status.problem());
    String previous = lastProblem.getAndSet(problem);
    if (!Objects.equals(previous, problem)) {
      if (problem == null) {
        LOG.info("readiness: the database is ready again");
      } else {
        LOG.warning("readiness: not ready: " + problem);
      }
    }
    return HealthCheckResponse.named("database").status(status.ready()).build();
  }
}
