package dev.zengate.management.domain.audit;

import java.time.Instant;

/** One stored audit event as read back, by JPA or by plain JDBC, for checking the chain. */
public record AuditRow(
    long id,
    Instant occurredAt,
    String actor,
    String sourceAddress,
    String action,
    String objectType,
    String objectId,
    String before,
    String after,
    String previousHash,
    String hash) {

  public static AuditRow of(AuditEvent e) {
    return new AuditRow(
        e.id(),
        e.occurredAt().toInstant(),
        e.actor(),
        e.sourceAddress(),
        e.action(),
        e.objectType(),
        e.objectId(),
        e.before(),
        e.after(),
        e.previousHash(),
        e.hash());
  }

  boolean contentIntact() {
    return hash.equals(
        AuditHash.of(
            occurredAt,
            actor,
            sourceAddress,
            action,
            objectType,
            objectId,
            before,
            after,
            previousHash));
  }
}
