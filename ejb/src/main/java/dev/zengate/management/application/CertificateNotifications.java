package dev.zengate.management.application;

import dev.zengate.bundle.syslog.SyslogMessage;
import dev.zengate.bundle.syslog.SyslogSender;
import dev.zengate.bundle.syslog.SyslogTarget;
import dev.zengate.bundle.watch.ExpiryNotificationSchedule;
import dev.zengate.bundle.watch.ExpiryThreshold;
import dev.zengate.management.domain.shared.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
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
import java.util.logging.Logger;

/**
 * The watch's steps, each in a transaction of its own: plan (record what is due, once), deliver
 * (one notification, row-locked, then marked sent or scheduled for a retry), and the read side.
 */
@Stateless
public class CertificateNotifications {

  private static final Logger LOG = Logger.getLogger(CertificateNotifications.class.getName());

  /** RFC 5612's documentation enterprise number, until Zengate has one of its own. */
  public static final String SD_ID = "zengateCert@32473";

  /** Retries: 1, 2, 4 … minutes apart, at most an hour, then the notification is FAILED. */
  static final int MAX_ATTEMPTS = 12;

  private static final String HOSTNAME = hostname();

  @PersistenceContext private EntityManager em;

  /** Records every notification due at {@code now}; returns how many were new. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int plan(Instant now) {
    ExpiryNotificationSchedule schedule =
        new ExpiryNotificationSchedule(Clock.fixed(now, ZoneOffset.UTC));
    int recorded = 0;
    for (WatchEntry entry : WatchInventory.read(em)) {
      if (!entry.inUse() || entry.syslogTarget() == null) {
        continue;
      }
      Optional<ExpiryThreshold> current =
          schedule.current(entry.policy(), entry.notBefore(), entry.notAfter());
      if (current.isEmpty()) {
        continue;
      }
      ExpiryThreshold threshold = current.get();
      recorded +=
          em.createNativeQuery(
                  "INSERT INTO certificate_notification (certificate_sha256, certificate_id,"
                      + " pair_id, pair_name, threshold_days, channel, destination, subject_dn,"
                      + " serial_number, not_after, days_left, usage, message, due_at,"
                      + " next_attempt_at) VALUES (?1, CAST(?2 AS BIGINT), CAST(?3 AS BIGINT), ?4, ?5, 'SYSLOG', ?6, ?7, ?8, ?9,"
                      + " ?10, ?11, ?12, ?13, ?13) ON CONFLICT DO NOTHING")
              .setParameter(1, entry.sha256())
              .setParameter(2, entry.certificateId())
              .setParameter(3, entry.pairId())
              .setParameter(4, entry.pairName())
              .setParameter(5, threshold.days())
              .setParameter(6, entry.syslogTarget())
              .setParameter(7, entry.subject())
              .setParameter(8, entry.serial())
              .setParameter(9, Timestamp.from(entry.notAfter()))
              .setParameter(10, (int) Math.max(Integer.MIN_VALUE, threshold.daysLeft()))
              .setParameter(11, entry.where())
              .setParameter(12, text(entry, threshold))
              .setParameter(13, Timestamp.from(now))
              .executeUpdate();
    }
    return recorded;
  }

  /** Notifications to try at {@code now}: new ones and retries whose time has come. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<Long> toSend(Instant now) {
    List<Long> ids = new ArrayList<>();
    for (Object id :
        em.createNativeQuery(
                "SELECT id FROM certificate_notification WHERE state IN ('PENDING', 'RETRYING')"
                    + " AND next_attempt_at <= ?1 ORDER BY id LIMIT 500")
            .setParameter(1, Timestamp.from(now))
            .getResultList()) {
      ids.add(((Number) id).longValue());
    }
    return ids;
  }

  /**
   * Sends one notification unless another server holds it or it is no longer due; returns its state
   * afterwards (empty when it was not this call's to send).
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Optional<String> deliver(long id, Instant now) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT "
                    + CertificateNotification.COLUMNS
                    + " FROM certificate_notification WHERE id = ?1 AND state IN ('PENDING',"
                    + " 'RETRYING') AND next_attempt_at <= ?2 FOR UPDATE SKIP LOCKED")
            .setParameter(1, id)
            .setParameter(2, Timestamp.from(now))
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    CertificateNotification n = CertificateNotification.of((Object[]) rows.get(0));
    String error = null;
    try {
      SyslogSender.send(SyslogTarget.parse("syslog target", n.destination()), syslog(n, now));
    } catch (IOException | RuntimeException e) {
      error = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    int attempts = n.attempts() + 1;
    String state;
    Instant next = now;
    if (error == null) {
      state = "SENT";
    } else if (attempts >= MAX_ATTEMPTS) {
      state = "FAILED";
      LOG.warning(
          "certificate notification " + id + " to " + n.destination() + " failed: " + error);
    } else {
      state = "RETRYING";
      next = now.plus(backoff(attempts));
    }
    em.createNativeQuery(
            "UPDATE certificate_notification SET state = ?1, attempts = ?2, next_attempt_at = ?3,"
                + " last_error = CAST(?4 AS TEXT), sent_at = CAST(?5 AS TIMESTAMPTZ) WHERE id = ?6")
        .setParameter(1, state)
        .setParameter(2, attempts)
        .setParameter(3, Timestamp.from(next))
        .setParameter(4, error)
        .setParameter(5, error == null ? Timestamp.from(now) : null)
        .setParameter(6, id)
        .executeUpdate();
    return Optional.of(state);
  }

  static Duration backoff(int attempts) {
    return Duration.ofMinutes(Math.min(60, 1L << Math.min(attempts - 1, 6)));
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
                    + " FROM certificate_notification WHERE channel = 'SYSLOG'")
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
          entry.inUse() && entry.syslogTarget() != null
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

  public static final Set<String> STATES = Set.of("PENDING", "RETRYING", "SENT", "FAILED");

  /** The history, newest first, optionally of one delivery state. */
  public List<CertificateNotification> history(String state, int offset, int limit) {
    if (state != null && !STATES.contains(state)) {
      throw new InvalidInputException(
          "state '" + state + "' is not one of PENDING, RETRYING, SENT, FAILED");
    }
    var query =
        em.createNativeQuery(
            "SELECT "
                + CertificateNotification.COLUMNS
                + " FROM certificate_notification"
                + (state == null ? "" : " WHERE state = ?1")
                + " ORDER BY due_at DESC, id DESC OFFSET "
                + offset
                + " LIMIT "
                + limit);
    if (state != null) {
      query.setParameter(1, state);
    }
    List<CertificateNotification> rows = new ArrayList<>();
    for (Object o : query.getResultList()) {
      rows.add(CertificateNotification.of((Object[]) o));
    }
    return rows;
  }

  private static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "zengate";
    }
  }
}
