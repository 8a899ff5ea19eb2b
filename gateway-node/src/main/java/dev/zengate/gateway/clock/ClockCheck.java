package dev.zengate.gateway.clock;

import dev.zengate.bundle.settings.ClockStatus;
import dev.zengate.bundle.settings.NodeSettingRules;
import dev.zengate.bundle.syslog.SyslogMessage;
import dev.zengate.gateway.events.NodeEvents;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares the node's clock with {@code node.ntpServers} (the first that answers) at start, when
 * the list changes and every {@link #DEFAULT_INTERVAL}; beyond {@link #WARN_BEYOND} it logs a
 * warning and sends a syslog event. OCSP answers and certificate validity are judged by this clock,
 * so a skewed one refuses good partners or accepts stale answers.
 */
public final class ClockCheck implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ClockCheck.class);

  public static final Duration WARN_BEYOND = Duration.ofSeconds(2);
  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(10);
  static final Duration QUERY_TIMEOUT = Duration.ofSeconds(2);

  private final Supplier<List<String>> servers;
  private final NodeEvents events;
  private final SntpClient client;
  private final Clock clock;
  private final Duration interval;
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "zengate-clock");
            t.setDaemon(true);
            return t;
          });
  private volatile ClockStatus status = ClockStatus.UNCHECKED;
  private List<String> lastServers = List.of(); // clock thread only

  public ClockCheck(
      Supplier<List<String>> servers, NodeEvents events, Clock clock, Duration interval) {
    this.servers = servers;
    this.events = events;
    this.clock = clock;
    this.client = new SntpClient(clock);
    this.interval = interval;
  }

  public void start() {
    long millis = Math.max(1, interval.toMillis());
    thread.scheduleWithFixedDelay(this::check, 0, millis, TimeUnit.MILLISECONDS);
  }

  /** Checks again at once when the configured servers changed (after a reload or a bundle). */
  public void serversMayHaveChanged() {
    try {
      thread.execute(
          () -> {
            if (!Objects.equals(lastServers, servers.get())) {
              check();
            }
          });
    } catch (RejectedExecutionException closing) {
      // Stopping.
    }
  }

  public ClockStatus status() {
    return status;
  }

  /** The status section of {@code /status}. */
  public Map<String, Object> statusView() {
    ClockStatus now = status;
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("servers", lastServers);
    view.put("state", now.state());
    view.put("offsetMillis", now.offsetMillis());
    view.put("server", now.server());
    view.put("checkedAt", now.checkedAt());
    view.put("warnBeyondMillis", WARN_BEYOND.toMillis());
    if (now.error() != null) {
      view.put("error", now.error());
    }
    return view;
  }

  void check() {
    List<String> configured = List.copyOf(servers.get());
    lastServers = configured;
    if (configured.isEmpty()) {
      status = ClockStatus.UNCHECKED;
      return;
    }
    String checkedAt = clock.instant().toString();
    String error = null;
    String tried = null;
    for (String server : configured) {
      tried = server;
      try {
        NodeSettingRules.Endpoint endpoint = NodeSettingRules.ntpServer(server);
        SntpClient.Reading reading =
            client.query(new InetSocketAddress(endpoint.host(), endpoint.port()), QUERY_TIMEOUT);
        record(server, reading, checkedAt);
        return;
      } catch (IOException | IllegalArgumentException e) {
        error = server + ": " + e.getMessage();
      }
    }
    boolean wasUnreachable = "unreachable".equals(status.state());
    status = new ClockStatus("unreachable", null, tried, checkedAt, error);
    if (!wasUnreachable) {
      LOG.warn("clock_check_failed servers={} error=\"{}\"", configured, error);
    }
  }

  private void record(String server, SntpClient.Reading reading, String checkedAt) {
    long offset = reading.offset().toMillis();
    boolean skewed = Math.abs(offset) > WARN_BEYOND.toMillis();
    status = new ClockStatus(skewed ? "skewed" : "ok", offset, server, checkedAt, null);
    if (skewed) {
      LOG.warn(
          "clock_skew offset_ms={} server={} threshold_ms={} (OCSP and certificate validity"
              + " depend on this clock: fix the host's time synchronisation)",
          offset,
          server,
          WARN_BEYOND.toMillis());
      Map<String, String> params = new LinkedHashMap<>();
      params.put("offsetMillis", Long.toString(offset));
      params.put("server", server);
      params.put("thresholdMillis", Long.toString(WARN_BEYOND.toMillis()));
      events.send(
          SyslogMessage.WARNING,
          "CLOCK_SKEW",
          params,
          "The node's clock is "
              + Math.abs(offset)
              + " ms "
              + (offset > 0 ? "behind " : "ahead of ")
              + server
              + " (warning beyond "
              + WARN_BEYOND.toMillis()
              + " ms).");
    } else {
      LOG.debug("clock_ok offset_ms={} server={}", offset, server);
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
