package dev.zengate.management.infrastructure.grid;

/**
 * Names of the grid structures the management cluster's members share. Only members touch the grid;
 * nodes reach the cluster over the node channel.
 */
public final class GridNames {

  /**
   * Node id (decimal string) to the SignedBundle JSON published for it. Every member listens: the
   * one holding the node's channel forwards it. PostgreSQL keeps the same (catch-up never depends
   * on grid memory).
   */
  public static final String BUNDLES = "zengate.bundles";

  /**
   * Node id (decimal string) to the node's latest NodeReport JSON, as received by a member over the
   * node's channel, with {@code sentAt} replaced by the member's receive time.
   */
  public static final String NODE_REPORTS = "zengate.node-reports";

  /**
   * Pair id (decimal string) to the master lease, {@code "<expires at, epoch ms> <node name>"}:
   * renewed on the master's own channel every 150 ms for 600 ms of cluster time. A backup takes
   * over from a silent partner only when no live lease names the partner: the pair's witness
   * against a cut heartbeat link. The expiry is in the value, not a grid TTL (whole seconds only);
   * see {@code PairLeases}.
   */
  public static final String PAIR_MASTER_LEASES = "zengate.pair-master";

  /** Topic of node ids whose enrollment was reset: the member holding the channel closes it. */
  public static final String REVOKED_NODES = "zengate.revoked-nodes";

  /** Member UUID to its node-channel endpoint ({@code host:port}), for enrollment answers. */
  public static final String CHANNEL_ENDPOINTS = "zengate.channel-endpoints";

  private GridNames() {}

  public static String key(long nodeId) {
    return Long.toString(nodeId);
  }
}
