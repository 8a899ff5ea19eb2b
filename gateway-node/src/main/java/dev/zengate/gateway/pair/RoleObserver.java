package dev.zengate.gateway.pair;

/**
 * Told of every role change, on the election thread: implementations must return quickly (flip a
 * flag, count, queue work), or advertisements are delayed.
 */
@FunctionalInterface
public interface RoleObserver {

  void onTransition(Transition transition);

  /** A datagram on the heartbeat port that was not taken as the peer's advertisement. */
  default void onIgnored(String reason) {}
}
