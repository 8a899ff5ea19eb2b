package dev.zengate.gateway.expiry;

import dev.zengate.bundle.syslog.SyslogMessage;
import dev.zengate.bundle.watch.ExpiryNotificationSchedule;
import dev.zengate.bundle.watch.ExpirySchedule;
import dev.zengate.bundle.watch.ExpiryThreshold;
import dev.zengate.bundle.watch.WatchPolicy;
import dev.zengate.gateway.events.NodeEvents;
import dev.zengate.gateway.proxy.CompiledConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The appliance's expiry warning for a node run from a file (manual §2.4): from {@code
 * node.expiryWarningDays} days before a certificate of its configuration expires (server and client
 * certificates, their chains, trust CAs), one RFC 5424 message a day to {@code node.syslog}, and
 * once a day after expiry. The same schedule and message fields as the management server's watch.
 * Checked at start, after every reload and every {@link #INTERVAL}; what was sent is kept in a
 * state file, so a restart does not repeat the day's message.
 */
public final class ExpiryWatch implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ExpiryWatch.class);

  /** As the management server's messages: RFC 5612's documentation enterprise number. */
  public static final String SD_ID = "zengateCert@32473";

  static final Duration INTERVAL = Duration.ofMinutes(15);

  private final Supplier<CompiledConfig> config;
  private final NodeEvents events;
  private final Clock clock;
  private final NotifiedState state;
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "zengate-expiry");
            t.setDaemon(true);
            return t;
          });

  public ExpiryWatch(
      Supplier<CompiledConfig> config, NodeEvents events, Clock clock, Path stateFile) {
    this.config = config;
    this.events = events;
    this.clock = clock;
    this.state = NotifiedState.load(stateFile);
  }

  public void start() {
    thread.scheduleWithFixedDelay(this::check, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Checks again soon (after a reload: certificates may have been replaced). */
  public void checkSoon() {
    try {
      thread.execute(this::check);
    } catch (RejectedExecutionException closing) {
      // Stopping.
    }
  }

  void check() {
    try {
      CompiledConfig current = config.get();
      if (current == null || !events.enabled()) {
        return;
      }
      WatchPolicy policy =
          new WatchPolicy(ExpirySchedule.FIXED, current.config().node().expiryWarningDays());
      Instant now = clock.instant();
      List<OwnCertificates.Owned> owned = OwnCertificates.of(current);
      List<String> present = owned.stream().map(OwnCertificates.Owned::sha256).toList();
      for (OwnCertificates.Owned certificate : owned) {
        Optional<ExpiryThreshold> due =
            ExpiryNotificationSchedule.at(
                    policy,
                    certificate.certificate().getNotBefore().toInstant(),
                    certificate.certificate().getNotAfter().toInstant(),
                    now)
                .filter(t -> !state.of(certificate.sha256()).contains(t.days()));
        if (due.isPresent() && send(current, certificate, due.get())) {
          state.sent(certificate.sha256(), due.get().days(), present);
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("expiry_check_failed error=\"{}\"", e.toString());
    }
  }

  private boolean send(
      CompiledConfig current, OwnCertificates.Owned owned, ExpiryThreshold threshold) {
    var certificate = owned.certificate();
    String subject = certificate.getSubjectX500Principal().getName();
    String serial = certificate.getSerialNumber().toString(16);
    Instant notAfter = certificate.getNotAfter().toInstant();
    Map<String, String> sd = new LinkedHashMap<>();
    sd.put("subject", subject);
    sd.put("serial", serial);
    sd.put("sha256", owned.sha256());
    sd.put("notAfter", notAfter.toString());
    sd.put("daysLeft", Long.toString(threshold.daysLeft()));
    sd.put("threshold", Integer.toString(threshold.days()));
    sd.put("node", current.config().node().name());
    sd.put("usage", owned.usage());
    String when =
        threshold.expired()
            ? " EXPIRED on " + notAfter + " (" + threshold.label() + ")"
            : " expires on "
                + notAfter
                + ": "
                + (threshold.daysLeft() == 1 ? "1 day" : threshold.daysLeft() + " days")
                + " left";
    String text =
        "Certificate "
            + subject
            + " (serial "
            + serial
            + ", SHA-256 "
            + owned.sha256()
            + ")"
            + when
            + "; used by node "
            + current.config().node().name()
            + ": "
            + owned.usage()
            + ".";
    boolean sent =
        events.sendNow(
            threshold.expired() ? SyslogMessage.ERROR : SyslogMessage.WARNING,
            threshold.expired() ? "CERT_EXPIRED" : "CERT_EXPIRING",
            SD_ID,
            sd,
            text);
    if (sent) {
      LOG.info(
          "certificate_expiry_notified subject=\"{}\" days_left={} usage=\"{}\"",
          subject,
          threshold.daysLeft(),
          owned.usage());
    }
    return sent;
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
