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
 * @param sequence increases by one per advertisement within an incarnation
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

  boolean resigning() {
    return priority == RESIGN_PRIORITY;
  }
}
