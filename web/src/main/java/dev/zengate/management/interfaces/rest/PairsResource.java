package dev.zengate.management.interfaces.rest;

import static dev.zengate.management.interfaces.rest.Roles.ADMIN;
import static dev.zengate.management.interfaces.rest.Roles.AUDITOR;
import static dev.zengate.management.interfaces.rest.Roles.OPERATOR;

import dev.zengate.management.application.BundlePublisher;
import dev.zengate.management.application.ChannelTests;
import dev.zengate.management.application.EnrollmentService;
import dev.zengate.management.application.IssuedEnrollment;
import dev.zengate.management.application.LiveRoles;
import dev.zengate.management.application.PairService;
import dev.zengate.management.application.PairSettingsSpec;
import dev.zengate.management.application.Publication;
import dev.zengate.management.domain.pair.GatewayNode;
import dev.zengate.management.domain.pair.GatewayPair;
import dev.zengate.management.domain.pair.PairSettings;
import dev.zengate.management.domain.shared.InvalidInputException;
import dev.zengate.management.interfaces.rest.dto.ChannelTestInput;
import dev.zengate.management.interfaces.rest.dto.EnrollmentInput;
import dev.zengate.management.interfaces.rest.dto.NodeInput;
import dev.zengate.management.interfaces.rest.dto.NodeView;
import dev.zengate.management.interfaces.rest.dto.PairInput;
import dev.zengate.management.interfaces.rest.dto.PairSettingsView;
import dev.zengate.management.interfaces.rest.dto.PairStatusView;
import dev.zengate.management.interfaces.rest.dto.PairView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.List;

/** {@code /api/pairs}: gateway pairs and their two nodes. */
@Path("pairs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PairsResource {

  @Inject private ChannelTests channelTests;
  @Inject private PairService pairs;
  @Inject private EnrollmentService enrollments;
  @Inject private BundlePublisher publisher;
  @Inject private LiveRoles liveRoles;
  @Inject private CurrentActor actor;
  @Context private HttpHeaders headers;
  @Context private UriInfo uri;

  @GET
  @RolesAllowed({ADMIN, OPERATOR, AUDITOR})
  public List<PairView> list(
      @QueryParam("q") String search,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    return pairs.list(search, Paging.offset(offset), Paging.limit(limit)).stream()
        .map(PairView::of)
        .toList();
  }

  @POST
  @RolesAllowed({ADMIN, OPERATOR})
  public Response create(PairInput input) {
    PairInput in = required(input);
    GatewayPair pair = pairs.create(actor.get(), in.name(), in.site(), in.description());
    return Preconditions.withEtag(
            Response.created(uri.getAbsolutePathBuilder().path(pair.id().toString()).build()), pair)
        .entity(PairView.of(pair))
        .build();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({ADMIN, OPERATOR, AUDITOR})
  public Response get(@PathParam("id") long id) {
    GatewayPair pair = pairs.get(id);
    return Preconditions.withEtag(Response.ok(PairView.of(pair)), pair).build();
  }

  @PUT
  @Path("{id}")
  @RolesAllowed({ADMIN, OPERATOR})
  public Response update(@PathParam("id") long id, PairInput input) {
    PairInput in = required(input);
    GatewayPair pair =
        pairs.update(
            actor.get(),
            id,
            Preconditions.ifMatch(headers),
            in.name(),
            in.site(),
            in.description());
    return Preconditions.withEtag(Response.ok(PairView.of(pair)), pair).build();
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed({ADMIN, OPERATOR})
  public Response delete(@PathParam("id") long id) {
    pairs.delete(actor.get(), id, Preconditions.ifMatch(headers));
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/nodes")
  @RolesAllowed({ADMIN, OPERATOR, AUDITOR})
  public List<NodeView> nodes(@PathParam("id") long id) {
    return pairs.get(id).nodes().stream().map(NodeView::of).toList();
  }

  @POST
  @Path("{id}/nodes")
  @RolesAllowed({ADMIN, OPERATOR})
  public Response addNode(@PathParam("id") long id, NodeInput input) {
    NodeInput in = required(input);
    GatewayNode node = pairs.addNode(actor.get(), id, in.name(), in.host(), in.priorityOrDefault());
    return Preconditions.withEtag(
            Response.created(uri.getAbsolutePathBuilder().path(node.name()).build()), node)
        .entity(NodeView.of(node))
        .build();
  }

  /** Issues a one-time token with which the node enrolls itself (shown once). */
  @POST
  @Path("{id}/nodes/{name}/enrollment")
  @RolesAllowed({ADMIN})
  public Response issueEnrollment(
      @PathParam("id") long id, @PathParam("name") String name, EnrollmentInput input) {
    Duration validity =
        input == null || input.validitySeconds() == null
            ? null
            : Duration.ofSeconds(input.validitySeconds());
    IssuedEnrollment issued = enrollments.issue(actor.get(), id, name, validity);
    return Response.status(Response.Status.CREATED).entity(issued).build();
  }

  /**
   * Resets a node's enrollment (audited): its keys and channel certificate are forgotten, its open
   * channel is closed at once, its unused tokens are revoked; it can then enroll again with a new
   * token.
   */
  @DELETE
  @Path("{id}/nodes/{name}/enrollment")
  @RolesAllowed({ADMIN})
  public Response resetEnrollment(@PathParam("id") long id, @PathParam("name") String name) {
    enrollments.reset(actor.get(), id, name);
    return Response.noContent().build();
  }

  /** Publishes the pair's current configuration to its nodes now (normally automatic). */
  @POST
  @Path("{id}/publish")
  @RolesAllowed({ADMIN, OPERATOR})
  public List<Publication> publish(@PathParam("id") long id, @QueryParam("force") boolean force) {
    pairs.get(id);
    return publisher.publishPair(actor.get(), id, force);
  }

  /** Who is master, whether both nodes run what was published, and split-brain alerts. */
  @GET
  @Path("{id}/status")
  @RolesAllowed({ADMIN, OPERATOR, AUDITOR})
  public PairStatusView status(@PathParam("id") long id) {
    GatewayPair pair = pairs.get(id);
    List<GatewayNode> nodes = pair.nodes();
    return PairStatusView.of(
        pair, nodes, liveRoles.of(nodes.stream().map(GatewayNode::id).toList()).orElse(null));
  }

  @GET
  @Path("{id}/nodes/{name}")
  @RolesAllowed({ADMIN, OPERATOR, AUDITOR})
  public Response node(@PathParam("id") long id, @PathParam("name") String name) {
    GatewayNode node = pairs.node(id, name);
    return Preconditions.withEtag(Response.ok(NodeView.of(node)), node).build();
  }

  @PUT
  @Path("{id}/nodes/{name}")
  @RolesAllowed({ADMIN, OPERATOR})
  public Response updateNode(
      @PathParam("id") long id, @PathParam("name") String name, NodeInput input) {
    NodeInput in = required(input);
    GatewayNode node =
        pairs.updateNode(
            actor.get(),
            id,
            name,
            Preconditions.ifMatch(headers),
            in.host(),
            in.priorityOrDefault());
    return Preconditions.withEtag(Response.ok(NodeView.of(node)), node).build();
  }

  @DELETE
  @Path("{id}/nodes/{name}")
  @RolesAllowed({ADMIN, OPERATOR})
  public Response removeNode(@PathParam("id") long id, @PathParam("name") String name) {
    pairs.removeNode(actor.get(), id, name, Preconditions.ifMatch(headers));
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/settings")
  @RolesAllowed({ADMIN, OPERATOR, AUDITOR})
  public Response settings(@PathParam("id") long id) {
    PairSettings settings = pairs.settings(id);
    return Preconditions.withEtag(Response.ok(PairSettingsView.of(settings)), settings).build();
  }

  @PUT
  @Path("{id}/settings")
  @RolesAllowed({ADMIN, OPERATOR})
  public Response changeSettings(@PathParam("id") long id, PairSettingsSpec spec) {
    PairSettings settings =
        pairs.changeSettings(actor.get(), id, Preconditions.ifMatch(headers), required(spec));
    return Preconditions.withEtag(Response.ok(PairSettingsView.of(settings)), settings).build();
  }

  /** Sends a test message on one channel with the pair's settings (or the global ones). */
  @POST
  @Path("{id}/settings/test")
  @RolesAllowed({ADMIN, OPERATOR})
  public List<ChannelTests.Outcome> testChannel(@PathParam("id") long id, ChannelTestInput input) {
    return channelTests.test(actor.get(), required(input).channel(), id);
  }

  static <T> T required(T body) {
    if (body == null) {
      throw new InvalidInputException("the request needs a JSON body");
    }
    return body;
  }
}
