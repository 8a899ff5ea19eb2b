package dev.zengate.gateway.pair;

/**
 * One advertisement, as sent every advert interval by both members of a pair.
 *
 * @param pairId the pair the sender belongs to
 * @param node the sender's node name
 * @param priority 1-254, or 0 when the sender resigns (a clean stop)
 * @param role the sender's role when it sent this
 * @param tieBreakByName whether the sender breaks priority ties by name rather than address
 * @param incarnation random per start of the sender, so sequences restart cleanly
 * @param sequence the sender's wall clock in microseconds since the epoch, and at least one above
 *     its previous advertisement: increasing across the sender's restarts too, so a receiver that
 *     accepts only a sequence above the highest it has seen refuses adverts recorded from an
 *     earlier run (the HMAC covers it)
 */
record Advert(
    String pairId,
    String node,
    int priority,
    PairRole role,
    boolean tieBreakByName,
    long incarnation,
    long sequence) {

  static final int RESIGN_PRIORITY = 0;

  /** How far a sequence may be from the receiver's clock: pair nodes keep time by NTP. */
  static final long MAX_SKEW_MICROS = 60_000_000L;

  static long nowMicros() {
    return System.currentTimeMillis() * 1000;
  }

  boolean resigning() {
    return priority == RESIGN_PRIORITY;
  }
}
