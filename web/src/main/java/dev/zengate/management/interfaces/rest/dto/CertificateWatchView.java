package dev.zengate.management.interfaces.rest.dto;

import dev.zengate.management.application.CertificateNotifications.WatchView;
import dev.zengate.management.application.WatchEntry;
import java.util.List;

/**
 * A certificate as the watch sees it, in one scope (a pair that uses it, or none), with its next
 * notification: from when (the first watch run after it sends it) and which threshold. A partner's
 * certificate seen by a node ({@code partner}) has no {@code certificateId}; its usages say where
 * it was seen.
 */
public record CertificateWatchView(
    Long certificateId,
    boolean partner,
    String subject,
    String issuer,
    String serial,
    String sha256,
    String notBefore,
    String notAfter,
    long daysLeft,
    boolean expired,
    Long pairId,
    String pairName,
    List<String> usages,
    boolean inUse,
    String expirySchedule,
    int expiryWarningDays,
    String syslogTarget,
    String webhookUrl,
    List<String> emailRecipients,
    NextNotification nextNotification) {

  /** The next notification; absent when none will come (not in use, no channel). */
  public record NextNotification(String from, int thresholdDays, String threshold) {}

  public static CertificateWatchView of(WatchView view) {
    WatchEntry e = view.entry();
    return new CertificateWatchView(
        e.certificateId(),
        e.partner(),
        e.subject(),
        e.issuer(),
        e.serial(),
        e.sha256(),
        e.notBefore().toString(),
        e.notAfter().toString(),
        view.daysLeft(),
        view.daysLeft() < 0,
        e.pairId(),
        e.pairName(),
        e.usages(),
        e.inUse(),
        e.policy().schedule().name(),
        e.policy().warningDays(),
        e.routes().syslogTarget(),
        e.routes().webhookUrl(),
        e.routes().emailRecipients().stream().map(r -> r.address()).toList(),
        view.next() == null
            ? null
            : new NextNotification(
                view.next().from().toString(),
                view.next().threshold().days(),
                view.next().threshold().label()));
  }
}
