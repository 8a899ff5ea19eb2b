package dev.zengate.bundle;

/** Names of the grid structures shared by the management server and the nodes. */
public final class GridNames {

  /** Node id (decimal string) to the {@link SignedBundle} JSON published for it. */
  public static final String BUNDLES = "zengate.bundles";

  /** Node id (decimal string) to the node's latest {@link NodeReport} JSON. */
  public static final String NODE_REPORTS = "zengate.node-reports";

  /**
   * Pair id (decimal string) to the name of the node holding the master lease: renewed by the
   * master every 150 ms with a 600 ms time-to-live. A backup takes over from a silent partner only
   * when no live lease names the partner: the pair's witness against a cut heartbeat link.
   */
  public static final String PAIR_MASTER_LEASES = "zengate.pair-master";

  private GridNames() {}

  public static String key(long nodeId) {
    return Long.toString(nodeId);
  }
}
