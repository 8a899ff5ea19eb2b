package dev.zengate.management.application;

import dev.zengate.bundle.watch.ExpirySchedule;
import java.util.List;

/**
 * A pair's settings as a client sets them, all at once. The notification channels (syslog target,
 * e-mail recipients, webhook) left empty take the global ones; {@code webhookSecret} is write-only
 * (null keeps the stored one).
 */
public record PairSettingsSpec(
    String httpProxyUrl,
    List<String> dnsServers,
    List<String> ntpServers,
    String syslogTarget,
    ExpirySchedule expirySchedule,
    Integer expiryWarningDays,
    String syslogCaPem,
    List<RecipientSpec> emailRecipients,
    String webhookUrl,
    String webhookSecret,
    String webhookCaPem) {}
