package dev.zengate.management.domain.pair;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A pair's state as its nodes last reported it: who is master, whether two nodes claim to be (split
 * brain), and whether both run what was last published to them.
 *
 * @param master name of the one node reporting MASTER, or null when none or several do
 * @param splitBrain more than one live node reports MASTER
 * @param inSync every enrolled node runs the bundle last published to it
 * @param inSyncSince when the last node applied it, while in sync
 * @param outOfSyncSince when the oldest unapplied publication was made, while not in sync
 */
public record PairStatus(
    String master,
    boolean splitBrain,
    boolean inSync,
    OffsetDateTime inSyncSince,
    OffsetDateTime outOfSyncSince) {

  /** A node whose last report is older than this is not believed about its role. */
  public static final Duration LIVE_WITHIN = Duration.ofSeconds(15);

  /**
   * The status of a pair's {@code nodes}.
   *
   * @param liveRoles node id to the role it reports right now (from the grid), or null to judge
   *     from the stored heartbeats
   */
  public static PairStatus of(
      List<GatewayNode> nodes, Map<Long, String> liveRoles, OffsetDateTime now) {
    List<GatewayNode> masters =
        nodes.stream()
            .filter(
                n ->
                    liveRoles == null
                        ? live(n, now) && "MASTER".equals(n.reportedRole())
                        : "MASTER".equals(liveRoles.get(n.id())))
            .toList();
    List<GatewayNode> enrolled = nodes.stream().filter(n -> n.publicKey() != null).toList();
    // Each node's bundle may differ from its partner's (its own bind address, its own priority),
    // so a pair is in sync when every node runs what was last published to it.
    boolean inSync = !enrolled.isEmpty() && enrolled.stream().allMatch(GatewayNode::inSync);
    OffsetDateTime since =
        inSync
            ? enrolled.stream()
                .map(GatewayNode::appliedAt)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(null)
            : null;
    OffsetDateTime outSince =
        inSync
            ? null
            : enrolled.stream()
                .filter(n -> !n.inSync())
                .map(GatewayNode::publishedAt)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(null);
    return new PairStatus(
        masters.size() == 1 ? masters.get(0).name() : null,
        masters.size() > 1,
        inSync,
        since,
        outSince);
  }

  public static boolean live(GatewayNode node, OffsetDateTime now) {
    return node.lastHeartbeatAt() != null && node.lastHeartbeatAt().plus(LIVE_WITHIN).isAfter(now);
  }
}
