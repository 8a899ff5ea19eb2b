package dev.zengate.management.domain.pair;

import dev.zengate.bundle.settings.NodeSettingRules;
import dev.zengate.bundle.settings.NodeSettings;
import dev.zengate.bundle.watch.ExpirySchedule;
import dev.zengate.management.domain.notification.EmailRecipient;
import dev.zengate.management.domain.shared.InvalidInputException;
import dev.zengate.management.domain.shared.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a pair needs besides its listeners: the HTTP proxy for OCSP and CRL, DNS and time servers,
 * the syslog target, and the certificate expiry warning schedule.
 */
@Entity
@Table(name = "pair_settings")
public class PairSettings implements VersionedEntity {

  @Id
  @Column(name = "pair_id")
  private Long pairId;

  @Column(name = "http_proxy_url")
  private String httpProxyUrl;

  @Column(name = "dns_servers", nullable = false)
  private String dnsServers = "";

  @Column(name = "ntp_servers", nullable = false)
  private String ntpServers = "";

  @Column(name = "syslog_target")
  private String syslogTarget;

  @Enumerated(EnumType.STRING)
  @Column(name = "expiry_schedule", nullable = false)
  private ExpirySchedule expirySchedule = ExpirySchedule.FIXED;

  @Column(name = "expiry_warning_days", nullable = false)
  private int expiryWarningDays = 30;

  /** The pair's own e-mail recipients (stored form of {@link EmailRecipient}); null: global. */
  @Column(name = "email_recipients")
  private String emailRecipients;

  @Column(name = "webhook_url")
  private String webhookUrl;

  @Column(name = "webhook_secret_id")
  private Long webhookSecretId;

  @Column(name = "webhook_ca_pem")
  private String webhookCaPem;

  @Column(name = "syslog_ca_pem")
  private String syslogCaPem;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt = OffsetDateTime.now();

  @Version private long version;

  protected PairSettings() {}

  public PairSettings(long pairId) {
    this.pairId = pairId;
  }

  /** Replaces every setting, checked as a whole; null means "none" or the default. */
  public void change(
      String httpProxyUrl,
      List<String> dnsServers,
      List<String> ntpServers,
      String syslogTarget,
      ExpirySchedule expirySchedule,
      Integer expiryWarningDays) {
    // The nodes check these with the same rules when the bundle arrives: refuse here what they
    // would refuse there.
    NodeSettings node;
    try {
      node =
          new NodeSettings(
                  blankToNull(httpProxyUrl) == null ? null : httpProxyUrl.trim(),
                  trimmed(dnsServers),
                  trimmed(ntpServers),
                  blankToNull(syslogTarget) == null
                      ? null
                      : NodeSettingRules.syslogTarget(syslogTarget).toString())
              .checked();
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage());
    }
    int days = expiryWarningDays == null ? 30 : expiryWarningDays;
    if (days < 1 || days > 365) {
      throw new InvalidInputException("expiry warning days " + days + " is outside 1-365");
    }
    this.httpProxyUrl = node.httpProxy();
    this.dnsServers = String.join(" ", node.dnsServers());
    this.ntpServers = String.join(" ", node.ntpServers());
    this.syslogTarget = node.syslog();
    this.expirySchedule = expirySchedule == null ? ExpirySchedule.FIXED : expirySchedule;
    this.expiryWarningDays = days;
    this.updatedAt = OffsetDateTime.now();
  }

  /** What the pair's nodes get (bundle node section). */
  public NodeSettings nodeSettings() {
    return new NodeSettings(httpProxyUrl, dnsServers(), ntpServers(), syslogTarget);
  }

  /**
   * The pair's own notification channels, checked by the caller; empty ones take the global
   * settings.
   */
  public void changeChannels(
      List<EmailRecipient> emailRecipients,
      String webhookUrl,
      Long webhookSecretId,
      String webhookCaPem,
      String syslogCaPem) {
    this.emailRecipients = EmailRecipient.format(emailRecipients);
    this.webhookUrl = webhookUrl;
    this.webhookSecretId = webhookSecretId;
    this.webhookCaPem = webhookCaPem;
    this.syslogCaPem = syslogCaPem;
  }

  private static List<String> trimmed(List<String> values) {
    if (values == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String value : values) {
      if (value == null || value.isBlank()) {
        throw new InvalidInputException("an empty entry in a server list");
      }
      out.add(value.trim());
    }
    return out;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  public Map<String, Object> auditView() {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("httpProxyUrl", httpProxyUrl);
    view.put("dnsServers", dnsServers());
    view.put("ntpServers", ntpServers());
    view.put("syslogTarget", syslogTarget);
    view.put("expirySchedule", expirySchedule.name());
    view.put("expiryWarningDays", expiryWarningDays);
    view.put("emailRecipients", emailRecipients);
    view.put("webhookUrl", webhookUrl);
    view.put("webhookCaPem", webhookCaPem != null);
    view.put("syslogCaPem", syslogCaPem != null);
    return view;
  }

  public Long pairId() {
    return pairId;
  }

  public String httpProxyUrl() {
    return httpProxyUrl;
  }

  public List<String> dnsServers() {
    return dnsServers.isBlank() ? List.of() : Arrays.asList(dnsServers.split(" "));
  }

  public List<String> ntpServers() {
    return ntpServers.isBlank() ? List.of() : Arrays.asList(ntpServers.split(" "));
  }

  public String syslogTarget() {
    return syslogTarget;
  }

  public ExpirySchedule expirySchedule() {
    return expirySchedule;
  }

  public int expiryWarningDays() {
    return expiryWarningDays;
  }

  public List<EmailRecipient> emailRecipients() {
    return EmailRecipient.parse(emailRecipients);
  }

  public String webhookUrl() {
    return webhookUrl;
  }

  public Long webhookSecretId() {
    return webhookSecretId;
  }

  public String webhookCaPem() {
    return webhookCaPem;
  }

  public String syslogCaPem() {
    return syslogCaPem;
  }

  @Override
  public long version() {
    return version;
  }
}
