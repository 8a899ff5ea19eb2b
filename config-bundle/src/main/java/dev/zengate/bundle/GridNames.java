package dev.zengate.bundle;

/** Names of the grid structures shared by the management server and the nodes. */
public final class GridNames {

  /** Node id (decimal string) to the {@link SignedBundle} JSON published for it. */
  public static final String BUNDLES = "zengate.bundles";

  /** Node id (decimal string) to the node's latest {@link NodeReport} JSON. */
  public static final String NODE_REPORTS = "zengate.node-reports";

  /**
   * Pair id (decimal string) to a lock held by the pair's master node. The grid releases a client's
   * locks when its connection closes, so a killed master's lock frees at once while a live master
   * behind a cut heartbeat link keeps it: the pair's witness.
   */
  public static final String PAIR_MASTER_LOCKS = "zengate.pair-master";

  private GridNames() {}

  public static String key(long nodeId) {
    return Long.toString(nodeId);
  }
}
