package dev.zengate.management.interfaces.rest;

import static dev.zengate.management.interfaces.rest.Roles.ADMIN;
import static dev.zengate.management.interfaces.rest.Roles.AUDITOR;

import dev.zengate.management.application.AuditCheckpoints;
import dev.zengate.management.application.AuditTrail;
import dev.zengate.management.domain.audit.AuditCheckpoint;
import dev.zengate.management.domain.audit.AuditQuery;
import dev.zengate.management.domain.audit.ChainVerification;
import dev.zengate.management.domain.shared.InvalidInputException;
import dev.zengate.management.interfaces.rest.dto.AuditEventView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code /api/audit}: the audit trail, filtered by time, actor, object and action, paged, as JSON
 * or CSV; and the verification of its hash chain. For admins and auditors.
 */
@Path("audit")
@RequestScoped
@RolesAllowed({ADMIN, AUDITOR})
public class AuditResource {

  @Inject private AuditTrail audit;
  @Inject private AuditCheckpoints checkpoints;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({ADMIN, AUDITOR})
  public Response events(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("actor") String actor,
      @QueryParam("objectType") String objectType,
      @QueryParam("objectId") String objectId,
      @QueryParam("action") String action,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    AuditQuery query = query(from, to, actor, objectType, objectId, action, offset, limit);
    List<AuditEventView> events = audit.find(query).stream().map(AuditEventView::of).toList();
    return Response.ok(events).header("X-Total-Count", audit.count(query)).build();
  }

  @GET
  @Produces("text/csv")
  @RolesAllowed({ADMIN, AUDITOR})
  public Response eventsAsCsv(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("actor") String actor,
      @QueryParam("objectType") String objectType,
      @QueryParam("objectId") String objectId,
      @QueryParam("action") String action,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    AuditQuery query = query(from, to, actor, objectType, objectId, action, offset, limit);
    String csv = AuditCsv.of(audit.find(query).stream().map(AuditEventView::of).toList());
    return Response.ok(csv)
        .header("Content-Disposition", "attachment; filename=\"zengate-audit.csv\"")
        .build();
  }

  @GET
  @Path("verify")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({ADMIN, AUDITOR})
  public ChainVerification verify() {
    return audit.verify();
  }

  /** The signed checkpoints kept outside the database, oldest first. */
  @GET
  @Path("checkpoints")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({ADMIN, AUDITOR})
  public List<AuditCheckpoint> checkpoints() {
    return checkpoints.recorded();
  }

  /** Anchors the trail now (e.g. before maintenance): 201 with the checkpoint, 204 if empty. */
  @POST
  @Path("checkpoints")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({ADMIN, AUDITOR})
  public Response checkpointNow() {
    return checkpoints
        .now()
        .map(c -> Response.status(Response.Status.CREATED).entity(c).build())
        .orElseGet(() -> Response.noContent().build());
  }

  private static AuditQuery query(
      String from,
      String to,
      String actor,
      String objectType,
      String objectId,
      String action,
      Integer offset,
      Integer limit) {
    return new AuditQuery(
        time("from", from),
        time("to", to),
        actor,
        objectType,
        objectId,
        action,
        Paging.offset(offset),
        Paging.limit(limit));
  }

  private static OffsetDateTime time(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          name
              + " '"
              + value
              + "' is not an ISO-8601 time with offset, e.g. 2026-11-22T09:00:00+09:00");
    }
  }
}
