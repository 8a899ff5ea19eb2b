package dev.zengate.management.domain.audit;

/**
 * The result of checking the whole audit chain.
 *
 * @param intact whether every event's hash and link check out
 * @param eventsChecked how many events were read
 * @param firstBrokenEventId the first event where the chain breaks, or null
 * @param problem what is wrong there, in plain words, or null
 */
public record ChainVerification(
    boolean intact, long eventsChecked, Long firstBrokenEventId, String problem) {

  public static ChainVerification intact(long eventsChecked) {
    return new ChainVerification(true, eventsChecked, null, null);
  }

  public static ChainVerification brokenAt(long eventsChecked, long eventId, String problem) {
    return new ChainVerification(false, eventsChecked, eventId, problem);
  }
}
