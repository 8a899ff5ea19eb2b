package dev.zengate.management.interfaces.rest.dto;

import dev.zengate.management.application.CertificateNotification;
import dev.zengate.management.application.NotificationDelivery;
import java.time.Instant;

/**
 * A notification the watch recorded on one channel to one destination (a delivery), and how its
 * delivery went: {@code id} is the delivery's, {@code notificationId} the notification's.
 */
public record CertificateNotificationView(
    long id,
    long notificationId,
    String channel,
    String destination,
    String language,
    String state,
    int attempts,
    String lastError,
    String dueAt,
    String sentAt,
    String nextAttemptAt,
    int thresholdDays,
    int daysLeft,
    Long certificateId,
    String sha256,
    String subject,
    String serial,
    String notAfter,
    Long pairId,
    String pairName,
    String usage,
    String message) {

  public static CertificateNotificationView of(NotificationDelivery d) {
    CertificateNotification n = d.notification();
    boolean open = "PENDING".equals(d.state()) || "RETRYING".equals(d.state());
    return new CertificateNotificationView(
        d.id(),
        n.id(),
        d.channel(),
        d.destination(),
        d.language(),
        d.state(),
        d.attempts(),
        d.lastError(),
        text(n.dueAt()),
        text(d.sentAt()),
        open ? text(d.nextAttemptAt()) : null,
        n.thresholdDays(),
        n.daysLeft(),
        n.certificateId(),
        n.certificateSha256(),
        n.subject(),
        n.serial(),
        text(n.notAfter()),
        n.pairId(),
        n.pairName(),
        n.usage(),
        n.message());
  }

  private static String text(Instant time) {
    return time == null ? null : time.toString();
  }
}
