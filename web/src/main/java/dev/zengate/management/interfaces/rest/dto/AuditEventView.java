package dev.zengate.management.interfaces.rest.dto;

import dev.zengate.management.domain.audit.AuditEvent;
import java.time.OffsetDateTime;

/** One audit event as the API shows and exports it. */
public record AuditEventView(
    long id,
    OffsetDateTime occurredAt,
    String actor,
    String sourceAddress,
    String action,
    String objectType,
    String objectId,
    String before,
    String after,
    String hash) {

  public static AuditEventView of(AuditEvent e) {
    return new AuditEventView(
        e.id(),
        e.occurredAt(),
        e.actor(),
        e.sourceAddress(),
        e.action(),
        e.objectType(),
        e.objectId(),
        e.before(),
        e.after(),
        e.hash());
  }
}
