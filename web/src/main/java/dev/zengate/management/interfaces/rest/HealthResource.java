package dev.zengate.management.interfaces.rest;

import dev.zengate.management.application.DatabaseHealth;
import dev.zengate.management.application.DatabaseStatus;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/health}: whether the management server can serve, with the database's
 * reachability and schema version. 200 when ready, 503 (same body) when not. Unauthenticated on
 * purpose: load balancers and {@code ./zengate status} call it; it reveals no configuration.
 */
@Path("health")
@RequestScoped
@PermitAll
public class HealthResource {

  @Inject private DatabaseHealth databaseHealth;

  @GET
  @PermitAll
  @Produces(MediaType.APPLICATION_JSON)
  public Response health() {
    DatabaseStatus database = databaseHealth.check();
    JsonObjectBuilder db =
        Json.createObjectBuilder()
            .add("reachable", database.reachable())
            .add("schemaVersion", database.schemaVersion() == null ? "" : database.schemaVersion());
    if (database.problem() != null) {
      db.add("problem", database.problem());
    }
    JsonObject body =
        Json.createObjectBuilder()
            .add("status", database.ready() ? "UP" : "DOWN")
            .add("database", db)
            .build();
    return Response.status(
            database.ready() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
        .entity(body)
        .build();
  }
}
