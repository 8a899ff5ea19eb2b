package dev.zengate.gateway.pair;

import java.time.Instant;

/**
 * One role change of this node.
 *
 * @param detail extra {@code key=value} facts for the log line (for example {@code silent_ms=712}),
 *     or empty
 * @param peer what was known of the peer at that moment, or null if it was never heard
 */
public record Transition(
    PairRole from, PairRole to, TransitionCause cause, Instant at, String detail, PeerView peer) {}
