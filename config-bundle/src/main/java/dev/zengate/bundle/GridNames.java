package dev.zengate.bundle;

/** Names of the grid structures shared by the management server and the nodes. */
public final class GridNames {

  /** Node id (decimal string) to the {@link SignedBundle} JSON published for it. */
  public static final String BUNDLES = "zengate.bundles";

  /** Node id (decimal string) to the node's latest {@link NodeReport} JSON. */
  public static final String NODE_REPORTS = "zengate.node-reports";

  private GridNames() {}

  public static String key(long nodeId) {
    return Long.toString(nodeId);
  }
}
