package dev.zengate.gateway.pair;

import java.util.Locale;

/** Why a received datagram was not taken as an advertisement of the peer. */
enum IgnoreReason {
  /** Not a Zengate advertisement, or truncated. */
  MALFORMED,
  /** From a member of another pair (another pair id). */
  OTHER_PAIR,
  /** Carries no HMAC although this node has a secret (or carries one and this node has none). */
  UNAUTHENTICATED,
  /** The HMAC does not match the shared secret. */
  BAD_HMAC,
  /** Sent from an address that is not the configured peer. */
  UNEXPECTED_SOURCE,
  /**
   * A sequence number not above the highest accepted from the peer, in any of its incarnations: a
   * repeat, a reordering, or a replay of an earlier run (sequences follow the sender's clock).
   */
  STALE_SEQUENCE,
  /** A sequence (the sender's clock in microseconds) too far from this node's clock. */
  NOT_FRESH;

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
