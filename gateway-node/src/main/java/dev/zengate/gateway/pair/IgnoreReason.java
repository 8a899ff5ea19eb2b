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
  /** A repeated or reordered sequence number of the peer's current incarnation. */
  STALE_SEQUENCE;

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
