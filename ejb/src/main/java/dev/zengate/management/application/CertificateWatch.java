package dev.zengate.management.application;

import dev.zengate.bundle.watch.ExpirySchedule;
import dev.zengate.bundle.watch.WatchPolicy;
import dev.zengate.management.domain.audit.Actor;
import dev.zengate.management.domain.audit.AuditedChange;
import dev.zengate.management.domain.notification.EmailRecipient;
import dev.zengate.management.domain.notification.SmtpSecurity;
import dev.zengate.management.domain.notification.SmtpServer;
import dev.zengate.management.domain.shared.InvalidInputException;
import dev.zengate.management.domain.shared.RefusedException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The certificate watch of the whole cluster: one run at a time on one management server, decided
 * by a PostgreSQL advisory lock held for the run's transaction (a server that dies mid-run loses
 * its connection and with it the lock). A run records what is due (each certificate, scope and
 * threshold once: the table's unique index) with a delivery per channel and destination, then sends
 * what is pending or due for a retry ({@link NotificationDeliveries}: each e-mail recipient one
 * digest), each in a transaction of its own with the rows locked, so neither a restart nor a second
 * server sends a recorded delivery twice. One gap remains: a server that dies after sending but
 * before its commit leaves the delivery pending, and the next run sends it again (at-least-once;
 * each message carries an id so a receiver can tell).
 */
@Stateless
public class CertificateWatch {

  /** The advisory lock of the watch ("ZENGW"; the audit chain uses "ZENG"). */
  static final long WATCH_LOCK = 0x5A454E4757L;

  /** Set to {@code true} on test servers only: runs then happen on request, at a given time. */
  public static final String TEST_CLOCK_VARIABLE = "ZENGATE_WATCH_TEST_CLOCK";

  @PersistenceContext private EntityManager em;
  @Inject private CertificateNotifications notifications;
  @Inject private NotificationDeliveries deliveries;
  @Inject private AuditTrail audit;
  @Inject private PartnerCertificateRecorder partners;
  @Inject private NotificationSecrets secrets;

  /** What one run did; {@code ran} is false when another server was running the watch. */
  public record RunResult(
      boolean ran, Instant at, int recorded, int sent, int retrying, int failed) {}

  /** Whether this server's watch clock may be set (tests); the scheduled runs are then off. */
  public static boolean testClock() {
    return "true".equals(System.getenv(TEST_CLOCK_VARIABLE));
  }

  /** The watch's time: now, or {@code at} on a test server. */
  public static Instant time(Instant at) {
    if (at == null) {
      return Instant.now();
    }
    if (!testClock()) {
      throw new RefusedException(
          "the certificate watch's clock can only be set on a test server ("
              + TEST_CLOCK_VARIABLE
              + "=true)");
    }
    return at;
  }

  /** A run on request (audited), now or, on a test server, at {@code at}. */
  public RunResult runNow(Actor actor, Instant at) {
    Instant time = time(at);
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("at", time.toString());
    view.put("testClock", at != null);
    audit.recordIndependently(
        actor,
        new AuditedChange(
            "certificate-watch.run", "certificate-watch", "run", null, AuditJson.of(view)));
    return run(time);
  }

  /** One run at {@code now}, unless another server is running the watch. */
  public RunResult run(Instant now) {
    Object locked =
        em.createNativeQuery("SELECT pg_try_advisory_xact_lock(" + WATCH_LOCK + ")")
            .getSingleResult();
    if (!Boolean.TRUE.equals(locked)) {
      return new RunResult(false, now, 0, 0, 0, 0);
    }
    partners.prune(now);
    int recorded = notifications.plan(now);
    int sent = 0;
    int retrying = 0;
    int failed = 0;
    for (NotificationDeliveries.Due item : deliveries.due(now)) {
      for (String state : deliveries.send(item, now)) {
        switch (state) {
          case "SENT" -> sent++;
          case "RETRYING" -> retrying++;
          default -> failed++;
        }
      }
    }
    return new RunResult(true, now, recorded, sent, retrying, failed);
  }

  /** The global default for certificates no pair uses. */
  public WatchDefaults defaults() {
    return WatchInventory.defaults(em);
  }

  /**
   * Replaces the global settings as a whole, checked first (nothing is stored when one field is
   * wrong), audited without secrets.
   */
  public WatchDefaults changeDefaults(Actor actor, WatchSettingsSpec spec) {
    WatchDefaults before = defaults();
    WatchPolicy policy;
    try {
      policy =
          new WatchPolicy(
              spec.expirySchedule() == null ? ExpirySchedule.FIXED : spec.expirySchedule(),
              spec.expiryWarningDays() == null ? 30 : spec.expiryWarningDays());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage());
    }
    String syslog = ChannelSpecs.syslogTarget(spec.syslogTarget());
    String syslogCa = ChannelSpecs.caPem("syslogCaPem", spec.syslogCaPem());
    var recipients = ChannelSpecs.recipients(spec.emailRecipients());
    String webhook = ChannelSpecs.webhookUrl(spec.webhookUrl());
    String webhookCa = ChannelSpecs.caPem("webhookCaPem", spec.webhookCaPem());
    Long oldWebhookSecret = before.channels().webhookSecretId();
    NotificationSecrets.checkWebhookSecret(
        "webhookSecret", spec.webhookSecret(), oldWebhookSecret, webhook != null);
    SmtpServer smtp =
        ChannelSpecs.blank(spec.smtpHost())
            ? null
            : SmtpServer.of(
                spec.smtpHost(),
                spec.smtpPort(),
                spec.smtpSecurity(),
                spec.smtpUsername(),
                null,
                spec.smtpFrom(),
                ChannelSpecs.caPem("smtpCaPem", spec.smtpCaPem()));
    if (smtp == null && !recipients.isEmpty()) {
      throw new InvalidInputException(
          "smtpHost: e-mail recipients need an SMTP server to send through");
    }
    Long oldPassword = before.smtp() == null ? null : before.smtp().passwordSecretId();
    if (smtp != null
        && smtp.username() != null
        && ChannelSpecs.blank(spec.smtpPassword())
        && oldPassword == null) {
      throw new InvalidInputException("smtpPassword: required with smtpUsername");
    }
    Long webhookSecret =
        secrets.replace(
            oldWebhookSecret, spec.webhookSecret(), webhook != null, "webhook-secret:global");
    Long password =
        secrets.replace(
            oldPassword,
            spec.smtpPassword(),
            smtp != null && smtp.username() != null,
            "smtp-password");
    em.createNativeQuery(
            "UPDATE certificate_watch_settings SET expiry_schedule = ?1, expiry_warning_days = ?2,"
                + " syslog_target = CAST(?3 AS VARCHAR), syslog_ca_pem = CAST(?4 AS TEXT),"
                + " email_recipients = CAST(?5 AS TEXT), webhook_url = CAST(?6 AS VARCHAR),"
                + " webhook_secret_id = CAST(?7 AS BIGINT), smtp_host = CAST(?8 AS VARCHAR),"
                + " smtp_port = CAST(?9 AS INTEGER), smtp_security = ?10,"
                + " smtp_username = CAST(?11 AS VARCHAR), smtp_password_id = CAST(?12 AS BIGINT),"
                + " smtp_from = CAST(?13 AS VARCHAR), smtp_ca_pem = CAST(?14 AS TEXT),"
                + " webhook_ca_pem = CAST(?15 AS TEXT),"
                + " updated_at = now(), version = version + 1 WHERE id = 1")
        .setParameter(1, policy.schedule().name())
        .setParameter(2, policy.warningDays())
        .setParameter(3, syslog)
        .setParameter(4, syslogCa)
        .setParameter(5, EmailRecipient.format(recipients))
        .setParameter(6, webhook)
        .setParameter(7, webhookSecret)
        .setParameter(8, smtp == null ? null : smtp.host())
        .setParameter(9, smtp == null ? null : smtp.port())
        .setParameter(10, smtp == null ? SmtpSecurity.STARTTLS.name() : smtp.security().name())
        .setParameter(11, smtp == null ? null : smtp.username())
        .setParameter(12, password)
        .setParameter(13, smtp == null ? null : smtp.from())
        .setParameter(14, smtp == null ? null : smtp.caPem())
        .setParameter(15, webhookCa)
        .executeUpdate();
    secrets.forget(oldWebhookSecret, webhookSecret);
    secrets.forget(oldPassword, password);
    WatchDefaults after = defaults();
    Map<String, Object> changed = view(after);
    if (!ChannelSpecs.blank(spec.webhookSecret())) {
      changed.put("webhookSecret", "replaced");
    }
    if (!ChannelSpecs.blank(spec.smtpPassword())) {
      changed.put("smtpPassword", "replaced");
    }
    audit.record(
        actor,
        new AuditedChange(
            "certificate-watch.settings",
            "certificate-watch",
            "settings",
            AuditJson.of(view(before)),
            AuditJson.of(changed)));
    return after;
  }

  private static Map<String, Object> view(WatchDefaults defaults) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("expirySchedule", defaults.policy().schedule().name());
    view.put("expiryWarningDays", defaults.policy().warningDays());
    view.put("syslogTarget", defaults.syslogTarget());
    view.put("syslogCaPem", defaults.channels().syslogCaPem() != null);
    view.put("emailRecipients", EmailRecipient.format(defaults.channels().emailRecipients()));
    view.put("webhookUrl", defaults.channels().webhookUrl());
    view.put("webhookCaPem", defaults.channels().webhookCaPem() != null);
    SmtpServer smtp = defaults.smtp();
    view.put("smtpHost", smtp == null ? null : smtp.host());
    view.put("smtpPort", smtp == null ? null : smtp.port());
    view.put("smtpSecurity", smtp == null ? null : smtp.security().name());
    view.put("smtpUsername", smtp == null ? null : smtp.username());
    view.put("smtpFrom", smtp == null ? null : smtp.from());
    view.put("smtpCaPem", smtp != null && smtp.caPem() != null);
    return view;
  }
}
