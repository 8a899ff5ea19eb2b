package dev.zengate.gateway.pair;

import java.util.Locale;

/** Why a pair member changed role; logged, counted and passed to hooks in lower case. */
public enum TransitionCause {
  /** The election started: every node begins as backup. */
  STARTUP,
  /** No advertisement from the peer for the dead interval (and the witness, if any, agreed). */
  PEER_SILENT,
  /** The master announced a clean stop (an advertisement with priority 0). */
  PEER_RESIGNED,
  /** This node outranks the peer's master and is configured to preempt it. */
  PREEMPT,
  /** Both members were backup and this one ranks higher. */
  ELECTED,
  /** Another master that ranks higher was seen (after a preemption or a healed link). */
  HIGHER_PRIORITY_PEER,
  /** This node is stopping. */
  SHUTDOWN;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
