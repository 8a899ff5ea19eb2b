package dev.zengate.management.application;

import dev.zengate.bundle.watch.ExpirySchedule;
import dev.zengate.management.domain.notification.SmtpSecurity;
import java.util.List;

/**
 * The watch's global settings as a client sets them, all at once: the schedule for certificates no
 * pair uses, the channels every pair inherits unless it sets its own, and the SMTP server. Secrets
 * ({@code webhookSecret}, {@code smtpPassword}) are write-only: null keeps the stored one.
 */
public record WatchSettingsSpec(
    ExpirySchedule expirySchedule,
    Integer expiryWarningDays,
    String syslogTarget,
    String syslogCaPem,
    List<RecipientSpec> emailRecipients,
    String webhookUrl,
    String webhookSecret,
    String webhookCaPem,
    String smtpHost,
    Integer smtpPort,
    SmtpSecurity smtpSecurity,
    String smtpUsername,
    String smtpPassword,
    String smtpFrom,
    String smtpCaPem) {}
