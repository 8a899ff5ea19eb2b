package dev.zengate.management.interfaces.rest.dto;

import dev.zengate.management.domain.pair.GatewayNode;
import dev.zengate.management.domain.pair.PairStatus;
import java.time.OffsetDateTime;

/**
 * A node as the API shows it: its settings, enrollment, what was published to it and what it last
 * reported (role, applied bundle, last refusal).
 *
 * @param live the node reported within {@link PairStatus#LIVE_WITHIN}
 * @param inSync it runs the bundle last published to it
 * @param publicationFailedAt since when publishing to it fails (null while publications succeed)
 */
public record NodeView(
    long id,
    String name,
    String host,
    int priority,
    boolean enrolled,
    OffsetDateTime enrolledAt,
    String reportedRole,
    boolean live,
    OffsetDateTime lastHeartbeatAt,
    OffsetDateTime startedAt,
    Long activeConnections,
    long publishedVersion,
    String publishedHash,
    OffsetDateTime publishedAt,
    OffsetDateTime publicationFailedAt,
    String publicationFailure,
    Long appliedConfigVersion,
    String appliedConfigHash,
    OffsetDateTime appliedAt,
    boolean inSync,
    Long rejectedVersion,
    String rejectedCode,
    String rejectedReason,
    OffsetDateTime rejectedAt,
    long version) {

  public static NodeView of(GatewayNode node) {
    return new NodeView(
        node.id(),
        node.name(),
        node.host(),
        node.priority(),
        node.publicKey() != null,
        node.enrolledAt(),
        node.reportedRole(),
        PairStatus.live(node, OffsetDateTime.now()),
        node.lastHeartbeatAt(),
        node.startedAt(),
        node.activeConnections(),
        node.publishedVersion(),
        node.publishedHash(),
        node.publishedAt(),
        node.publicationFailedAt(),
        node.publicationFailure(),
        node.appliedConfigVersion(),
        node.appliedConfigHash(),
        node.appliedAt(),
        node.inSync(),
        node.rejectedVersion(),
        node.rejectedCode(),
        node.rejectedReason(),
        node.rejectedAt(),
        node.version());
  }
}
