package dev.zengate.management.application;

import dev.zengate.bundle.settings.NodeSettingRules;
import dev.zengate.bundle.watch.ExpirySchedule;
import dev.zengate.bundle.watch.WatchPolicy;
import dev.zengate.management.domain.audit.Actor;
import dev.zengate.management.domain.audit.AuditedChange;
import dev.zengate.management.domain.shared.InvalidInputException;
import dev.zengate.management.domain.shared.RefusedException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The certificate watch of the whole cluster: one run at a time on one management server, decided
 * by a PostgreSQL advisory lock held for the run's transaction (a server that dies mid-run loses
 * its connection and with it the lock). A run records what is due (each certificate, scope and
 * threshold once: the table's unique index), then sends what is pending or due for a retry, each in
 * a transaction of its own with the row locked, so neither a restart nor a second server sends a
 * recorded notification twice. One gap remains: a server that dies after sending but before its
 * commit leaves the notification pending, and the next run sends it again (at-least-once; the
 * message carries its notification id so a receiver can tell).
 */
@Stateless
public class CertificateWatch {

  /** The advisory lock of the watch ("ZENGW"; the audit chain uses "ZENG"). */
  static final long WATCH_LOCK = 0x5A454E4757L;

  /** Set to {@code true} on test servers only: runs then happen on request, at a given time. */
  public static final String TEST_CLOCK_VARIABLE = "ZENGATE_WATCH_TEST_CLOCK";

  @PersistenceContext private EntityManager em;
  @Inject private CertificateNotifications notifications;
  @Inject private AuditTrail audit;
  @Inject private PartnerCertificateRecorder partners;

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
    List<Long> due = notifications.toSend(now);
    for (long id : due) {
      Optional<String> state = notifications.deliver(id, now);
      if (state.isPresent()) {
        switch (state.get()) {
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

  public WatchDefaults changeDefaults(
      Actor actor, ExpirySchedule schedule, Integer warningDays, String syslogTarget) {
    WatchDefaults before = defaults();
    WatchPolicy policy;
    try {
      policy =
          new WatchPolicy(
              schedule == null ? ExpirySchedule.FIXED : schedule,
              warningDays == null ? 30 : warningDays);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage());
    }
    String target;
    try {
      target =
          syslogTarget == null || syslogTarget.isBlank()
              ? null
              : NodeSettingRules.syslogTarget(syslogTarget).toString();
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage());
    }
    em.createNativeQuery(
            "UPDATE certificate_watch_settings SET expiry_schedule = ?1, expiry_warning_days = ?2,"
                + " syslog_target = ?3, updated_at = now(), version = version + 1 WHERE id = 1")
        .setParameter(1, policy.schedule().name())
        .setParameter(2, policy.warningDays())
        .setParameter(3, target)
        .executeUpdate();
    WatchDefaults after = new WatchDefaults(policy, target);
    audit.record(
        actor,
        new AuditedChange(
            "certificate-watch.settings",
            "certificate-watch",
            "settings",
            AuditJson.of(view(before)),
            AuditJson.of(view(after))));
    return after;
  }

  private static Map<String, Object> view(WatchDefaults defaults) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("expirySchedule", defaults.policy().schedule().name());
    view.put("expiryWarningDays", defaults.policy().warningDays());
    view.put("syslogTarget", defaults.syslogTarget());
    return view;
  }
}
