package dev.zengate.management.domain.notification;

import java.util.List;

/**
 * The notification channels of one scope, the global default or a pair ({@code pairId}, null for
 * global). In a pair, an empty setting means "the global one" (see {@link #over}).
 */
public record ChannelSettings(
    Long pairId,
    List<EmailRecipient> emailRecipients,
    String webhookUrl,
    Long webhookSecretId,
    String webhookCaPem,
    String syslogTarget,
    String syslogCaPem) {

  public static final ChannelSettings NONE =
      new ChannelSettings(null, List.of(), null, null, null, null, null);

  public ChannelSettings {
    emailRecipients = emailRecipients == null ? List.of() : List.copyOf(emailRecipients);
  }

  /**
   * Where a pair's notifications go: each channel the pair sets, else the global one; each route
   * remembers whose settings (secret, CA) it is sent with.
   */
  public Routes over(ChannelSettings global) {
    return new Routes(
        emailRecipients.isEmpty() ? global.emailRecipients : emailRecipients,
        webhookUrl == null ? global.webhookUrl : webhookUrl,
        webhookUrl == null ? global.pairId : pairId,
        syslogTarget == null ? global.syslogTarget : syslogTarget,
        syslogTarget == null ? global.pairId : pairId);
  }

  /** The global default's routes. */
  public Routes routes() {
    return new Routes(emailRecipients, webhookUrl, pairId, syslogTarget, pairId);
  }

  /** Where one scope's notifications go, and whose settings each channel uses. */
  public record Routes(
      List<EmailRecipient> emailRecipients,
      String webhookUrl,
      Long webhookSettingsPairId,
      String syslogTarget,
      Long syslogSettingsPairId) {

    public boolean any() {
      return !emailRecipients.isEmpty() || webhookUrl != null || syslogTarget != null;
    }
  }
}
