package dev.zengate.management.application;

import dev.zengate.bundle.syslog.SyslogSender;
import dev.zengate.bundle.syslog.SyslogTarget;
import dev.zengate.management.domain.notification.ChannelSettings;
import dev.zengate.management.domain.notification.SmtpServer;
import dev.zengate.management.infrastructure.notify.MailMessage;
import dev.zengate.management.infrastructure.notify.SmtpMailer;
import dev.zengate.management.infrastructure.notify.TrustedTls;
import dev.zengate.management.infrastructure.notify.WebhookPoster;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.mail.MessagingException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Sends on each channel with the settings of the scope a delivery names (its secret, its CA):
 * syslog per notification, a webhook per notification, e-mail as one digest per recipient. Every
 * failure is an exception whose message is what the operator sees as the delivery's last error.
 */
@ApplicationScoped
public class ChannelSenders {

  @PersistenceContext private EntityManager em;
  @Inject private NotificationSecrets secrets;

  void syslog(NotificationDelivery d, Instant now) throws IOException {
    ChannelSettings scope = ChannelSettingsStore.of(em, d.settingsPairId());
    SyslogSender.send(
        SyslogTarget.parse("syslog target", d.destination()),
        TrustedTls.context(scope.syslogCaPem()),
        CertificateNotifications.syslog(d.notification(), now));
  }

  void webhook(NotificationDelivery d, Instant now) throws IOException {
    webhook(d.settingsPairId(), d.destination(), "delivery-" + d.id(), json(d, now), now);
  }

  void webhook(Long settingsPairId, String url, String deliveryId, byte[] json, Instant now)
      throws IOException {
    ChannelSettings scope = ChannelSettingsStore.of(em, settingsPairId);
    byte[] secret = secrets.open(scope.webhookSecretId());
    if (secret == null || !url.equals(scope.webhookUrl())) {
      throw new IOException(
          "the webhook "
              + url
              + " is no longer configured for "
              + (settingsPairId == null ? "the global settings" : "pair " + settingsPairId));
    }
    WebhookPoster.post(url, scope.webhookCaPem(), secret, deliveryId, json, now);
  }

  void email(String recipient, String language, List<NotificationDelivery> due, String messageId)
      throws MessagingException {
    ExpiryDigest digest =
        ExpiryDigest.render(
            language, due.stream().map(NotificationDelivery::notification).toList());
    email(new MailMessage(recipient, digest.subject(), digest.body(), messageId));
  }

  void email(MailMessage mail) throws MessagingException {
    SmtpServer smtp =
        ChannelSettingsStore.smtp(em)
            .orElseThrow(() -> new MessagingException("no SMTP server is configured (smtpHost)"));
    byte[] password = secrets.open(smtp.passwordSecretId());
    SmtpMailer.send(
        smtp, password == null ? null : new String(password, StandardCharsets.UTF_8), mail);
  }

  /** The webhook's document: one notification, named by its delivery (for deduplication). */
  static byte[] json(NotificationDelivery d, Instant now) {
    CertificateNotification n = d.notification();
    JsonObjectBuilder certificate =
        Json.createObjectBuilder()
            .add("subject", n.subject())
            .add("serial", n.serial())
            .add("sha256", n.certificateSha256())
            .add("notAfter", n.notAfter().toString())
            .add("daysLeft", n.daysLeft())
            .add("expired", n.expired());
    if (n.certificateId() != null) {
      certificate.add("id", n.certificateId());
    }
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("event", n.expired() ? "certificate.expired" : "certificate.expiring")
            .add("delivery", d.id())
            .add("notification", n.id())
            .add("sentAt", now.toString())
            .add("threshold", n.thresholdDays())
            .add("certificate", certificate)
            .add("usage", n.usage())
            .add("text", n.message());
    if (n.pairName() != null) {
      body.add("pair", Json.createObjectBuilder().add("id", n.pairId()).add("name", n.pairName()));
    }
    return body.build().toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A test document: the same shape, no certificate. */
  static byte[] testJson(Instant now) {
    JsonArrayBuilder none = Json.createArrayBuilder();
    return Json.createObjectBuilder()
        .add("event", "test")
        .add("sentAt", now.toString())
        .add("text", "Test message from Zengate's certificate watch")
        .add("certificates", none)
        .build()
        .toString()
        .getBytes(StandardCharsets.UTF_8);
  }
}
