package dev.zengate.gateway.pair;

import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * What this node last heard from its peer.
 *
 * @param priority the peer's priority (its last non-zero one when it resigned)
 * @param lastSeenNanos {@link System#nanoTime()} at the last valid advertisement
 * @param lastSeen wall-clock time of the same, for status
 * @param resigned whether the last advertisement announced a clean stop
 */
public record PeerView(
    String name,
    InetSocketAddress address,
    int priority,
    PairRole role,
    long lastSeenNanos,
    Instant lastSeen,
    boolean resigned) {}
