package dev.zengate.management.interfaces.rest.dto;

import dev.zengate.management.application.CertificateNotification;
import java.time.Instant;

/** A notification the watch recorded, and how its delivery went. */
public record CertificateNotificationView(
    long id,
    String channel,
    String destination,
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

  public static CertificateNotificationView of(CertificateNotification n) {
    boolean open = "PENDING".equals(n.state()) || "RETRYING".equals(n.state());
    return new CertificateNotificationView(
        n.id(),
        n.channel(),
        n.destination(),
        n.state(),
        n.attempts(),
        n.lastError(),
        text(n.dueAt()),
        text(n.sentAt()),
        open ? text(n.nextAttemptAt()) : null,
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
