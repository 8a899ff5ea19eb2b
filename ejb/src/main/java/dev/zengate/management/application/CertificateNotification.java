package dev.zengate.management.application;

import java.time.Instant;

/**
 * A stored notification of the watch (table certificate_notification): a certificate due at a
 * threshold in one scope, whatever the channels it is delivered on.
 */
public record CertificateNotification(
    long id,
    String certificateSha256,
    Long certificateId,
    Long pairId,
    String pairName,
    int thresholdDays,
    String subject,
    String serial,
    Instant notAfter,
    int daysLeft,
    String usage,
    String message,
    Instant dueAt) {

  /** The columns of {@link #of}, of the table aliased {@code n}. */
  static final String COLUMNS =
      "n.id, n.certificate_sha256, n.certificate_id, n.pair_id, n.pair_name, n.threshold_days,"
          + " n.subject_dn, n.serial_number, n.not_after, n.days_left, n.usage, n.message,"
          + " n.due_at";

  static final int COLUMN_COUNT = 13;

  static CertificateNotification of(Object[] r, int from) {
    return new CertificateNotification(
        ((Number) r[from]).longValue(),
        ((String) r[from + 1]).trim(),
        r[from + 2] == null ? null : ((Number) r[from + 2]).longValue(),
        r[from + 3] == null ? null : ((Number) r[from + 3]).longValue(),
        (String) r[from + 4],
        ((Number) r[from + 5]).intValue(),
        (String) r[from + 6],
        (String) r[from + 7],
        WatchInventory.instant(r[from + 8]),
        ((Number) r[from + 9]).intValue(),
        (String) r[from + 10],
        (String) r[from + 11],
        WatchInventory.instant(r[from + 12]));
  }

  public boolean expired() {
    return thresholdDays < 0;
  }
}
