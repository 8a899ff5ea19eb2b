package dev.zengate.management.application;

import java.time.Instant;

/** A stored notification of the watch (table certificate_notification) and its delivery state. */
public record CertificateNotification(
    long id,
    String certificateSha256,
    Long certificateId,
    Long pairId,
    String pairName,
    int thresholdDays,
    String channel,
    String destination,
    String subject,
    String serial,
    Instant notAfter,
    int daysLeft,
    String usage,
    String message,
    Instant dueAt,
    String state,
    int attempts,
    Instant nextAttemptAt,
    String lastError,
    Instant sentAt) {

  static final String COLUMNS =
      "id, certificate_sha256, certificate_id, pair_id, pair_name, threshold_days, channel,"
          + " destination, subject_dn, serial_number, not_after, days_left, usage, message, due_at,"
          + " state, attempts, next_attempt_at, last_error, sent_at";

  static CertificateNotification of(Object[] r) {
    return new CertificateNotification(
        ((Number) r[0]).longValue(),
        ((String) r[1]).trim(),
        r[2] == null ? null : ((Number) r[2]).longValue(),
        r[3] == null ? null : ((Number) r[3]).longValue(),
        (String) r[4],
        ((Number) r[5]).intValue(),
        (String) r[6],
        (String) r[7],
        (String) r[8],
        (String) r[9],
        WatchInventory.instant(r[10]),
        ((Number) r[11]).intValue(),
        (String) r[12],
        (String) r[13],
        WatchInventory.instant(r[14]),
        (String) r[15],
        ((Number) r[16]).intValue(),
        WatchInventory.instant(r[17]),
        (String) r[18],
        WatchInventory.instant(r[19]));
  }
}
