package dev.zengate.management.domain.audit;

import java.time.Instant;

/**
 * The result of checking the whole audit chain and its checkpoints.
 *
 * @param intact whether every event's hash and link check out, and every checkpoint matches
 * @param eventsChecked how many events were read
 * @param firstBrokenEventId the first event where the chain breaks, or null
 * @param problem what is wrong, in plain words, or null
 * @param checkpointsChecked how many signed checkpoints (kept outside the database) were compared
 * @param anchoredUpTo the newest event a checkpoint vouches for, or null
 * @param anchoredAt when that checkpoint was made, or null
 */
public record ChainVerification(
    boolean intact,
    long eventsChecked,
    Long firstBrokenEventId,
    String problem,
    int checkpointsChecked,
    Long anchoredUpTo,
    Instant anchoredAt) {

  public static ChainVerification intact(long eventsChecked) {
    return new ChainVerification(true, eventsChecked, null, null, 0, null, null);
  }

  static ChainVerification intact(long eventsChecked, int checkpoints, AuditCheckpoint latest) {
    return new ChainVerification(
        true,
        eventsChecked,
        null,
        null,
        checkpoints,
        latest == null ? null : latest.sequence(),
        latest == null ? null : latest.at());
  }

  public static ChainVerification brokenAt(long eventsChecked, long eventId, String problem) {
    return new ChainVerification(false, eventsChecked, eventId, problem, 0, null, null);
  }

  static ChainVerification anchorProblem(long eventsChecked, int checkpoints, String problem) {
    return new ChainVerification(false, eventsChecked, null, problem, checkpoints, null, null);
  }
}
