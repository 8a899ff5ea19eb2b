package dev.zengate.management.interfaces.rest.dto;

import dev.zengate.management.application.WatchDefaults;
import dev.zengate.management.domain.notification.SmtpServer;
import java.util.List;

/**
 * The watch's global settings as shown: the schedule for certificates no pair uses, the channels
 * every pair inherits unless it sets its own, the SMTP server. Secrets are never shown, only
 * whether one is stored.
 */
public record WatchSettingsView(
    String expirySchedule,
    int expiryWarningDays,
    String syslogTarget,
    String syslogCaPem,
    List<RecipientView> emailRecipients,
    String webhookUrl,
    boolean webhookSecretSet,
    String webhookCaPem,
    String smtpHost,
    Integer smtpPort,
    String smtpSecurity,
    String smtpUsername,
    boolean smtpPasswordSet,
    String smtpFrom,
    String smtpCaPem) {

  public static WatchSettingsView of(WatchDefaults defaults) {
    SmtpServer smtp = defaults.smtp();
    var channels = defaults.channels();
    return new WatchSettingsView(
        defaults.policy().schedule().name(),
        defaults.policy().warningDays(),
        channels.syslogTarget(),
        channels.syslogCaPem(),
        RecipientView.of(channels.emailRecipients()),
        channels.webhookUrl(),
        channels.webhookSecretId() != null,
        channels.webhookCaPem(),
        smtp == null ? null : smtp.host(),
        smtp == null ? null : smtp.port(),
        smtp == null ? "STARTTLS" : smtp.security().name(),
        smtp == null ? null : smtp.username(),
        smtp != null && smtp.passwordSecretId() != null,
        smtp == null ? null : smtp.from(),
        smtp == null ? null : smtp.caPem());
  }
}
