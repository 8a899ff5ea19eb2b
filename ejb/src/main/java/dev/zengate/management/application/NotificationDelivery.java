package dev.zengate.management.application;

import java.time.Instant;

/**
 * One notification on one channel to one destination (table notification_delivery) and how its
 * delivery went: PENDING, RETRYING (at {@code nextAttemptAt}), SENT or FAILED.
 */
public record NotificationDelivery(
    long id,
    String channel,
    String destination,
    String language,
    Long settingsPairId,
    String state,
    int attempts,
    Instant nextAttemptAt,
    String lastError,
    Instant sentAt,
    CertificateNotification notification) {

  /** The columns of {@link #of}: the delivery aliased {@code d}, then its notification. */
  static final String COLUMNS =
      "d.id, d.channel, d.destination, d.language, d.settings_pair_id, d.state, d.attempts,"
          + " d.next_attempt_at, d.last_error, d.sent_at, "
          + CertificateNotification.COLUMNS;

  static final String FROM =
      " FROM notification_delivery d JOIN certificate_notification n ON n.id = d.notification_id";

  static NotificationDelivery of(Object[] r) {
    return new NotificationDelivery(
        ((Number) r[0]).longValue(),
        (String) r[1],
        (String) r[2],
        (String) r[3],
        r[4] == null ? null : ((Number) r[4]).longValue(),
        (String) r[5],
        ((Number) r[6]).intValue(),
        WatchInventory.instant(r[7]),
        (String) r[8],
        WatchInventory.instant(r[9]),
        CertificateNotification.of(r, 10));
  }
}
