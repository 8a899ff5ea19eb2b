package dev.zengate.management.interfaces.rest.dto;

import dev.zengate.management.domain.pair.GatewayNode;
import dev.zengate.management.domain.pair.GatewayPair;
import dev.zengate.management.domain.pair.PairStatus;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** {@code GET /api/pairs/{id}/status}: roles, sync state and alerts of a pair. */
public record PairStatusView(
    long pairId,
    String pair,
    String master,
    boolean splitBrain,
    boolean inSync,
    OffsetDateTime inSyncSince,
    OffsetDateTime outOfSyncSince,
    List<NodeView> nodes) {

  public static PairStatusView of(
      GatewayPair pair, List<GatewayNode> nodes, Map<Long, String> liveRoles) {
    PairStatus status = PairStatus.of(nodes, liveRoles, OffsetDateTime.now());
    return new PairStatusView(
        pair.id(),
        pair.name(),
        status.master(),
        status.splitBrain(),
        status.inSync(),
        status.inSyncSince(),
        status.outOfSyncSince(),
        nodes.stream().map(NodeView::of).toList());
  }
}
