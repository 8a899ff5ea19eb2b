package dev.zengate.management.interfaces.rest.dto;

import dev.zengate.bundle.BundleJson;
import dev.zengate.bundle.BundleRejectedException;
import dev.zengate.bundle.settings.ClockStatus;
import dev.zengate.bundle.settings.NodeSettings;
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
 * @param appliedSettings the pair settings the node reports it applies (proxy, DNS, NTP, syslog)
 * @param clock how the node's clock compares with its time servers, as it last reported
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
    NodeSettings appliedSettings,
    ClockStatus clock,
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
        appliedSettings(node.reportedSettings()),
        node.clockState() == null
            ? null
            : new ClockStatus(
                node.clockState(),
                node.clockOffsetMillis(),
                node.clockServer(),
                node.clockCheckedAt() == null ? null : node.clockCheckedAt().toInstant().toString(),
                node.clockError()),
        node.version());
  }

  private static NodeSettings appliedSettings(String json) {
    try {
      return json == null ? null : BundleJson.read(json, NodeSettings.class);
    } catch (BundleRejectedException e) {
      return null;
    }
  }
}
