package dev.zengate.management.interfaces.rest.dto;

import dev.zengate.management.domain.pair.PairSettings;
import java.util.List;

/** A pair's settings as the API shows them. */
public record PairSettingsView(
    long pairId,
    String httpProxyUrl,
    List<String> dnsServers,
    List<String> ntpServers,
    String syslogTarget,
    String expirySchedule,
    int expiryWarningDays,
    String notificationEmail,
    long version) {

  public static PairSettingsView of(PairSettings s) {
    return new PairSettingsView(
        s.pairId(),
        s.httpProxyUrl(),
        s.dnsServers(),
        s.ntpServers(),
        s.syslogTarget(),
        s.expirySchedule().name(),
        s.expiryWarningDays(),
        s.notificationEmail(),
        s.version());
  }
}
