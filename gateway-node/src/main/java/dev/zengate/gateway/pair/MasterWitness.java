package dev.zengate.gateway.pair;

import java.time.Duration;
import java.util.Optional;

/**
 * A third party consulted by a backup before it takes the master role because its peer went silent.
 * Heartbeats alone cannot tell a dead peer from a cut heartbeat link; a witness that both members
 * can reach by another path (for example the management cluster over the node channel) can.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>Called only when the peer has been silent for the dead interval, never for a peer that
 *       resigned or was outranked. Called off the election thread; it may block on the network, but
 *       should answer within {@link Query#answerWithin()}. A later answer is ignored and counts as
 *       {@code Optional.empty()}.
 *   <li>{@code Optional.of(true)}: the witness knows the peer is not serving as master (or holds a
 *       lease for this node): take over.
 *   <li>{@code Optional.of(false)}: the witness sees the peer alive as master: stay backup. The
 *       node asks again every advertisement interval while the peer stays silent.
 *   <li>{@code Optional.empty()}: the witness cannot tell (unreachable, no data). The node then
 *       behaves as plain VRRP and takes over, so that losing the witness never stops a failover.
 *   <li>An exception counts as {@code Optional.empty()} and is logged.
 * </ul>
 *
 * Implementations must be thread-safe. {@link NoWitness} answers empty at once: plain VRRP.
 */
@FunctionalInterface
public interface MasterWitness {

  /**
   * What the backup knows when it asks.
   *
   * @param peer the silent peer's node name, or null if it was never heard
   * @param peerSilentFor how long no advertisement has arrived
   * @param answerWithin how long the node waits for the answer
   */
  record Query(
      String pairId, String node, String peer, Duration peerSilentFor, Duration answerWithin) {}

  Optional<Boolean> mayBecomeMaster(Query query);

  /** Shown in status and logs. */
  default String describe() {
    return getClass().getSimpleName();
  }
}
