package dev.zengate.management.domain.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks the audit trail row by row, in id order: each row's hash recomputed, each link followed;
 * then against the signed checkpoints, which live outside the database: a row a checkpoint named
 * must still carry the hash it had then (a rewritten history with recomputed hashes shows), and the
 * trail must reach the newest checkpoint (deleted newest rows show). Used by the server and by the
 * DBA's offline {@code AuditVerify}.
 */
public final class AuditChain {

  private String expectedPrevious = AuditEvent.GENESIS;
  private long checked;
  private long lastId;
  private ChainVerification broken;
  private final Map<Long, String> checkpointed = new HashMap<>();

  /**
   * @param checkpointSequences the rows whose hashes checkpoints recorded (kept while walking)
   */
  public AuditChain(Set<Long> checkpointSequences) {
    checkpointSequences.forEach(seq -> checkpointed.put(seq, null));
  }

  /** Feeds the next row; false once the chain is found broken (stop feeding). */
  public boolean add(AuditRow row) {
    if (broken != null) {
      return false;
    }
    checked++;
    if (!row.previousHash().equals(expectedPrevious)) {
      broken =
          ChainVerification.brokenAt(
              checked,
              row.id(),
              "event "
                  + row.id()
                  + " does not follow the event before it: an event was removed or inserted");
      return false;
    }
    if (!row.contentIntact()) {
      broken =
          ChainVerification.brokenAt(
              checked,
              row.id(),
              "event " + row.id() + " was altered after it was written: its hash does not match");
      return false;
    }
    if (checkpointed.containsKey(row.id())) {
      checkpointed.put(row.id(), row.hash());
    }
    expectedPrevious = row.hash();
    lastId = row.id();
    return true;
  }

  /**
   * The verdict once every row was fed.
   *
   * @param checkpoints checkpoints from outside the database, any order
   * @param signedByTrustedKey whether a checkpoint's signature is valid and by a key we trust
   */
  public ChainVerification result(
      List<AuditCheckpoint> checkpoints, Predicate<AuditCheckpoint> signedByTrustedKey) {
    if (broken != null) {
      return broken;
    }
    AuditCheckpoint latest = null;
    for (AuditCheckpoint checkpoint : checkpoints) {
      if (!signedByTrustedKey.test(checkpoint)) {
        return ChainVerification.anchorProblem(
            checked,
            checkpoints.size(),
            "the checkpoint of event "
                + checkpoint.sequence()
                + " at "
                + checkpoint.at()
                + " is not signed by a trusted key: the checkpoint record was tampered with");
      }
      String hash = checkpointed.get(checkpoint.sequence());
      if (checkpoint.sequence() > lastId) {
        return ChainVerification.anchorProblem(
            checked,
            checkpoints.size(),
            "the trail ends at event "
                + lastId
                + " but a checkpoint at "
                + checkpoint.at()
                + " recorded event "
                + checkpoint.sequence()
                + ": the newest events were deleted");
      }
      if (hash == null || !hash.equals(checkpoint.headHash())) {
        return ChainVerification.anchorProblem(
            checked,
            checkpoints.size(),
            "event "
                + checkpoint.sequence()
                + " no longer has the hash its checkpoint of "
                + checkpoint.at()
                + " recorded: the trail was rewritten and its hashes recomputed");
      }
      if (latest == null || checkpoint.sequence() > latest.sequence()) {
        latest = checkpoint;
      }
    }
    return ChainVerification.intact(checked, checkpoints.size(), latest);
  }
}
