package dev.zengate.management.interfaces.rest;

import dev.zengate.management.application.DatabaseHealth;
import dev.zengate.management.application.DatabaseStatus;
import dev.zengate.management.application.PublicationFailures;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code GET /api/health}: whether the management server can serve. 200 when ready, 503 when not.
 * Open on purpose (load balancers and {@code ./zengate status} call it), so an anonymous caller
 * learns up or down only; a signed-in user also gets the database's reachability, schema version
 * and the reason it is down (a database error names hosts, roles and versions), and whether
 * publications to nodes are failing.
 */
@Path("health")
@RequestScoped
@PermitAll
public class HealthResource {

  @Inject private DatabaseHealth databaseHealth;
  @Inject private PublicationFailures publicationFailures;
  @Context private SecurityContext caller;

  @GET
  @PermitAll
  @Produces(MediaType.APPLICATION_JSON)
  public Response health() {
    DatabaseStatus database = databaseHealth.check();
    Response.Status status =
        database.ready() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE;
    if (caller.getUserPrincipal() == null) {
      return Response.status(status)
          .entity(
              Json.createObjectBuilder().add("status", database.ready() ? "UP" : "DOWN").build())
          .build();
    }
    JsonObjectBuilder db =
        Json.createObjectBuilder()
            .add("reachable", database.reachable())
            .add("schemaVersion", database.schemaVersion() == null ? "" : database.schemaVersion());
    if (database.problem() != null) {
      db.add("problem", database.problem());
    }
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("status", database.ready() ? "UP" : "DOWN")
            .add("database", db);
    if (database.ready()) {
      body.add("publications", publications());
    }
    return Response.status(status).entity(body.build()).build();
  }

  /**
   * FAILING while a publication left nodes behind (the server still serves: the API is how the
   * cause is fixed, so readiness does not depend on it).
   */
  private JsonObject publications() {
    PublicationFailures.Summary failing = publicationFailures.summary();
    if (failing.nodes() == 0) {
      return Json.createObjectBuilder().add("status", "OK").build();
    }
    return Json.createObjectBuilder()
        .add("status", "FAILING")
        .add("nodes", failing.nodes())
        .add("since", failing.since())
        .add("reason", failing.reason())
        .build();
  }
}
