package dev.zengate.management.application;

import dev.zengate.bundle.syslog.SyslogMessage;
import dev.zengate.bundle.syslog.SyslogSender;
import dev.zengate.bundle.syslog.SyslogTarget;
import dev.zengate.management.domain.audit.Actor;
import dev.zengate.management.domain.audit.AuditedChange;
import dev.zengate.management.domain.notification.ChannelSettings;
import dev.zengate.management.domain.notification.EmailRecipient;
import dev.zengate.management.domain.shared.InvalidInputException;
import dev.zengate.management.infrastructure.notify.MailMessage;
import dev.zengate.management.infrastructure.notify.TrustedTls;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * "Send a test message": one message on a channel, with the settings as stored (a pair's, or the
 * global ones where it has none), to every destination; each answer says sent or the exact error.
 * Audited, since it makes the server connect somewhere.
 */
@Stateless
public class ChannelTests {

  @PersistenceContext private EntityManager em;
  @Inject private ChannelSenders senders;
  @Inject private PairService pairs;
  @Inject private AuditTrail audit;

  /** The outcome for one destination: {@code error} is null when it was sent. */
  public record Outcome(String channel, String destination, boolean sent, String error) {}

  public List<Outcome> test(Actor actor, String channel, Long pairId) {
    if (channel == null || !NotificationDeliveries.CHANNELS.contains(channel)) {
      throw new InvalidInputException("channel: '" + channel + "' is not SYSLOG, EMAIL or WEBHOOK");
    }
    ChannelSettings global = ChannelSettingsStore.global(em);
    ChannelSettings.Routes routes;
    if (pairId == null) {
      routes = global.routes();
    } else {
      pairs.settings(pairId); // 404 for a pair that does not exist
      routes = ChannelSettingsStore.of(em, pairId).over(global);
    }
    Instant now = Instant.now();
    List<Outcome> outcomes = new ArrayList<>();
    switch (channel) {
      case "SYSLOG" -> {
        requireConfigured(routes.syslogTarget() != null, "syslogTarget", pairId);
        outcomes.add(
            attempt(
                channel,
                routes.syslogTarget(),
                () ->
                    SyslogSender.send(
                        SyslogTarget.parse("syslog target", routes.syslogTarget()),
                        TrustedTls.context(
                            ChannelSettingsStore.of(em, routes.syslogSettingsPairId())
                                .syslogCaPem()),
                        testSyslog(now))));
      }
      case "WEBHOOK" -> {
        requireConfigured(routes.webhookUrl() != null, "webhookUrl", pairId);
        outcomes.add(
            attempt(
                channel,
                routes.webhookUrl(),
                () ->
                    senders.webhook(
                        routes.webhookSettingsPairId(),
                        routes.webhookUrl(),
                        "test-" + UUID.randomUUID(),
                        ChannelSenders.testJson(now),
                        now)));
      }
      default -> {
        requireConfigured(!routes.emailRecipients().isEmpty(), "emailRecipients", pairId);
        for (EmailRecipient r : routes.emailRecipients()) {
          outcomes.add(attempt(channel, r.address(), () -> senders.email(testMail(r))));
        }
      }
    }
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("channel", channel);
    view.put("pairId", pairId);
    view.put(
        "outcomes",
        outcomes.stream()
            .map(o -> o.destination() + ": " + (o.sent() ? "sent" : o.error()))
            .toList());
    audit.record(
        actor,
        new AuditedChange(
            "notification.test",
            pairId == null ? "certificate-watch" : "pair",
            pairId == null ? "settings" : String.valueOf(pairId),
            null,
            AuditJson.of(view)));
    return outcomes;
  }

  private interface Send {
    void run() throws Exception;
  }

  private static Outcome attempt(String channel, String destination, Send send) {
    try {
      send.run();
      return new Outcome(channel, destination, true, null);
    } catch (Exception e) {
      return new Outcome(channel, destination, false, NotificationDeliveries.describe(e));
    }
  }

  private static void requireConfigured(boolean configured, String field, Long pairId) {
    if (!configured) {
      throw new InvalidInputException(
          field
              + ": not configured "
              + (pairId == null
                  ? "in the global settings"
                  : "for pair " + pairId + " nor globally"));
    }
  }

  private static SyslogMessage testSyslog(Instant now) {
    return new SyslogMessage(
        SyslogMessage.LOCAL0,
        5,
        now,
        "zengate",
        "zengate",
        "TEST",
        CertificateNotifications.SD_ID,
        Map.of("test", "true"),
        "Test message from Zengate's certificate watch");
  }

  static MailMessage testMail(EmailRecipient r) {
    boolean en = "en".equals(r.language());
    return new MailMessage(
        r.address(),
        en ? "[Zengate] Test message" : "[Zengate] テストメッセージ",
        en
            ? "This is a test message from Zengate's certificate watch: expiry digests will reach"
                + " you at this address.\n"
            : "Zengate の証明書監視からのテストメッセージです。有効期限の通知はこのアドレスに届きます。\n",
        "<test-" + UUID.randomUUID() + "@zengate.invalid>");
  }
}
