package dev.zengate.management.domain.audit;

import java.time.OffsetDateTime;

/**
 * A filter over the audit trail; null fields do not filter. Pages are in id order, newest first.
 */
public record AuditQuery(
    OffsetDateTime from,
    OffsetDateTime to,
    String actor,
    String objectType,
    String objectId,
    String action,
    int offset,
    int limit) {

  public static final int MAX_LIMIT = 1000;

  public AuditQuery {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
  }
}
