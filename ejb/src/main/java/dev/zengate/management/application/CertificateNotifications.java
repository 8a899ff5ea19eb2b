package dev.zengate.management.application;

import dev.zengate.bundle.syslog.SyslogMessage;
import dev.zengate.bundle.watch.ExpiryNotificationSchedule;
import dev.zengate.bundle.watch.ExpiryThreshold;
import dev.zengate.management.domain.notification.ChannelSettings;
import dev.zengate.management.domain.notification.EmailRecipient;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The watch's planning, in a transaction of its own: record what is due, once, with its deliveries
 * ({@link NotificationDeliveries} sends them); and what expires when.
 */
@Stateless
public class CertificateNotifications {

  /** RFC 5612's documentation enterprise number, until Zengate has one of its own. */
  public static final String SD_ID = "zengateCert@32473";

  private static final String HOSTNAME = hostname();

  @PersistenceContext private EntityManager em;

  /**
   * Records every notification due at {@code now} with one delivery per channel and destination it
   * goes to (the same transaction: a notification is never stored without its deliveries); returns
   * how many notifications were new.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int plan(Instant now) {
    ExpiryNotificationSchedule schedule =
        new ExpiryNotificationSchedule(Clock.fixed(now, ZoneOffset.UTC));
    int recorded = 0;
    for (WatchEntry entry : WatchInventory.read(em)) {
      if (!entry.notified()) {
        continue;
      }
      Optional<ExpiryThreshold> current =
          schedule.current(entry.policy(), entry.notBefore(), entry.notAfter());
      if (current.isEmpty()) {
        continue;
      }
      ExpiryThreshold threshold = current.get();
      List<?> inserted =
          em.createNativeQuery(
                  "INSERT INTO certificate_notification (certificate_sha256, certificate_id,"
                      + " pair_id, pair_name, threshold_days, subject_dn, serial_number,"
                      + " not_after, days_left, usage, message, due_at) VALUES (?1,"
                      + " CAST(?2 AS BIGINT), CAST(?3 AS BIGINT), ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
                      + " ?12) ON CONFLICT DO NOTHING RETURNING id")
              .setParameter(1, entry.sha256())
              .setParameter(2, entry.certificateId())
              .setParameter(3, entry.pairId())
              .setParameter(4, entry.pairName())
              .setParameter(5, threshold.days())
              .setParameter(6, entry.subject())
              .setParameter(7, entry.serial())
              .setParameter(8, Timestamp.from(entry.notAfter()))
              .setParameter(9, (int) Math.max(Integer.MIN_VALUE, threshold.daysLeft()))
              .setParameter(10, entry.where())
              .setParameter(11, text(entry, threshold))
              .setParameter(12, Timestamp.from(now))
              .getResultList();
      if (inserted.isEmpty()) {
        continue;
      }
      long id = ((Number) inserted.get(0)).longValue();
      ChannelSettings.Routes routes = entry.routes();
      if (routes.syslogTarget() != null) {
        delivery(id, "SYSLOG", routes.syslogTarget(), null, routes.syslogSettingsPairId(), now);
      }
      if (routes.webhookUrl() != null) {
        delivery(id, "WEBHOOK", routes.webhookUrl(), null, routes.webhookSettingsPairId(), now);
      }
      for (EmailRecipient r : routes.emailRecipients()) {
        delivery(id, "EMAIL", r.address(), r.language(), null, now);
      }
      recorded++;
    }
    return recorded;
  }

  private void delivery(
      long notificationId,
      String channel,
      String destination,
      String language,
      Long settingsPairId,
      Instant now) {
    em.createNativeQuery(
            "INSERT INTO notification_delivery (notification_id, channel, destination, language,"
                + " settings_pair_id, next_attempt_at) VALUES (?1, ?2, ?3, CAST(?4 AS VARCHAR),"
                + " CAST(?5 AS BIGINT), ?6)")
        .setParameter(1, notificationId)
        .setParameter(2, channel)
        .setParameter(3, destination)
        .setParameter(4, language)
        .setParameter(5, settingsPairId)
        .setParameter(6, Timestamp.from(now))
        .executeUpdate();
  }

  /** The RFC 5424 message of a notification. */
  static SyslogMessage syslog(CertificateNotification n, Instant now) {
    Map<String, String> sd = new LinkedHashMap<>();
    sd.put("subject", n.subject());
    sd.put("serial", n.serial());
    sd.put("sha256", n.certificateSha256());
    sd.put("notAfter", n.notAfter().toString());
    sd.put("daysLeft", Integer.toString(n.daysLeft()));
    sd.put("threshold", Integer.toString(n.thresholdDays()));
    sd.put("pair", n.pairName() == null ? "" : n.pairName());
    sd.put("usage", n.usage().length() > 500 ? n.usage().substring(0, 500) + "…" : n.usage());
    sd.put("notification", Long.toString(n.id()));
    boolean expired = n.thresholdDays() < 0;
    return new SyslogMessage(
        SyslogMessage.LOCAL0,
        expired ? SyslogMessage.ERROR : SyslogMessage.WARNING,
        now,
        HOSTNAME,
        "zengate",
        expired ? "CERT_EXPIRED" : "CERT_EXPIRING",
        SD_ID,
        sd,
        n.message());
  }

  static String text(WatchEntry entry, ExpiryThreshold threshold) {
    String certificate =
        "Certificate "
            + entry.subject()
            + " (serial "
            + entry.serial()
            + ", SHA-256 "
            + entry.sha256()
            + ")";
    String when =
        threshold.expired()
            ? " EXPIRED on " + entry.notAfter() + " (" + threshold.label() + ")"
            : " expires on "
                + entry.notAfter()
                + ": "
                + (threshold.daysLeft() == 1 ? "1 day" : threshold.daysLeft() + " days")
                + " left";
    return certificate + when + "; used by " + entry.where() + ".";
  }

  /** Every certificate with its scope, expiry and next notification, soonest expiry first. */
  public List<WatchView> watch(Instant now, Integer expiringWithinDays) {
    ExpiryNotificationSchedule schedule =
        new ExpiryNotificationSchedule(Clock.fixed(now, ZoneOffset.UTC));
    Map<String, Set<Integer>> notified = new HashMap<>();
    for (Object o :
        em.createNativeQuery(
                "SELECT certificate_sha256, COALESCE(pair_id, 0), threshold_days"
                    + " FROM certificate_notification")
            .getResultList()) {
      Object[] r = (Object[]) o;
      notified
          .computeIfAbsent(((String) r[0]).trim() + "/" + r[1], k -> new HashSet<>())
          .add(((Number) r[2]).intValue());
    }
    List<WatchView> views = new ArrayList<>();
    for (WatchEntry entry : WatchInventory.read(em)) {
      long left = ExpiryNotificationSchedule.daysLeft(now, entry.notAfter());
      if (expiringWithinDays != null && left > expiringWithinDays) {
        continue;
      }
      Optional<ExpiryNotificationSchedule.Upcoming> next =
          entry.notified()
              ? schedule.next(
                  entry.policy(),
                  entry.notBefore(),
                  entry.notAfter(),
                  notified.getOrDefault(entry.sha256() + "/" + entry.scopeKey(), Set.of()))
              : Optional.empty();
      views.add(new WatchView(entry, left, next.orElse(null)));
    }
    views.sort((a, b) -> a.entry().notAfter().compareTo(b.entry().notAfter()));
    return views;
  }

  /** A certificate in one scope, its days left and the next notification (null: none). */
  public record WatchView(
      WatchEntry entry, long daysLeft, ExpiryNotificationSchedule.Upcoming next) {}

  private static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "zengate";
    }
  }
}
