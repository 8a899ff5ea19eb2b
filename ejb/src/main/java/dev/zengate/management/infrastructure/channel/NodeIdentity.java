package dev.zengate.management.infrastructure.channel;

/** Who is at the other end of a channel connection, as its client certificate says. */
public record NodeIdentity(long nodeId, String nodeName, long pairId) {

  @Override
  public String toString() {
    return nodeName + "#" + nodeId;
  }
}
