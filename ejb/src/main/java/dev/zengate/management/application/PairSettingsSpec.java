package dev.zengate.management.application;

import dev.zengate.bundle.watch.ExpirySchedule;
import java.util.List;

/** A pair's settings as a client sets them, all at once. */
public record PairSettingsSpec(
    String httpProxyUrl,
    List<String> dnsServers,
    List<String> ntpServers,
    String syslogTarget,
    ExpirySchedule expirySchedule,
    Integer expiryWarningDays,
    String notificationEmail) {}
