package dev.zengate.bundle;

/**
 * Everything one node must run, as published for it. {@code version} increases with every
 * publication to the node (a node refuses anything not newer than what it runs, so a replayed old
 * bundle cannot roll it back; going back to older content is a new publication of that content).
 * {@code contentHash} identifies the configuration itself, without the per-node sealing, so the two
 * nodes of a pair running the same configuration report the same hash.
 *
 * @param schema format version of this record ({@link #SCHEMA})
 * @param issuedAt ISO-8601 instant of compilation
 */
public record ConfigBundle(
    int schema,
    long pairId,
    String pairName,
    long nodeId,
    String nodeName,
    long version,
    String issuedAt,
    String contentHash,
    BundleContent content) {

  public static final int SCHEMA = 1;
}
