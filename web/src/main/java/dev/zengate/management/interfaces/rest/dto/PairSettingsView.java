package dev.zengate.management.interfaces.rest.dto;

import dev.zengate.management.domain.pair.PairSettings;
import java.util.List;

/**
 * A pair's settings as the API shows them. Empty notification channels take the global ones; the
 * webhook's secret is never shown, only whether one is stored.
 */
public record PairSettingsView(
    long pairId,
    String httpProxyUrl,
    List<String> dnsServers,
    List<String> ntpServers,
    String syslogTarget,
    String expirySchedule,
    int expiryWarningDays,
    String syslogCaPem,
    List<RecipientView> emailRecipients,
    String webhookUrl,
    boolean webhookSecretSet,
    String webhookCaPem,
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
        s.syslogCaPem(),
        RecipientView.of(s.emailRecipients()),
        s.webhookUrl(),
        s.webhookSecretId() != null,
        s.webhookCaPem(),
        s.version());
  }
}
