package dev.zengate.management.interfaces.rest.dto;

import dev.zengate.management.domain.pair.GatewayNode;
import java.time.OffsetDateTime;

/** A node as the API shows it, with what it last reported. */
public record NodeView(
    long id,
    String name,
    String host,
    int priority,
    String reportedRole,
    Long appliedConfigVersion,
    String appliedConfigHash,
    OffsetDateTime lastHeartbeatAt,
    long version) {

  public static NodeView of(GatewayNode node) {
    return new NodeView(
        node.id(),
        node.name(),
        node.host(),
        node.priority(),
        node.reportedRole(),
        node.appliedConfigVersion(),
        node.appliedConfigHash(),
        node.lastHeartbeatAt(),
        node.version());
  }
}
