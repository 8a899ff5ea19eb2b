package dev.zengate.gateway.managed;

import dev.zengate.bundle.Enrollment;
import dev.zengate.bundle.NodeReport;
import dev.zengate.bundle.settings.ClockStatus;
import dev.zengate.bundle.settings.NodeSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the management server what the node runs: a {@link NodeReport} on every applied or refused
 * bundle and as a heartbeat. Reports are built and handed to the publisher on the reporter's own
 * thread, so neither the event loops nor the bundle thread ever wait for the management cluster;
 * the publisher drops them while the node channel is down (the next heartbeat carries the same
 * state). The cluster takes who sent a report from the channel's client certificate, and the time
 * from its own clock: the ids and {@code sentAt} here are for the record only.
 */
public final class NodeReporter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(NodeReporter.class);

  /** The role before any pair election is plugged in. */
  public static final String STANDALONE = "STANDALONE";

  private final ManagedState state;
  private final LongSupplier activeConnections;
  private final Consumer<NodeReport> publisher;
  private final Duration interval;
  private final Instant startedAt = Instant.now();
  private static final Duration ROLE_POLL = Duration.ofMillis(50);

  private volatile Supplier<String> role = () -> STANDALONE;
  private volatile Supplier<NodeSettings> settings = () -> null;
  private volatile Supplier<ClockStatus> clock = () -> null;
  private String lastRole = STANDALONE;
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "zengate-report");
            t.setDaemon(true);
            return t;
          });

  public NodeReporter(
      ManagedState state,
      LongSupplier activeConnections,
      Duration interval,
      Consumer<NodeReport> publisher) {
    this.state = state;
    this.activeConnections = activeConnections;
    this.interval = interval;
    this.publisher = publisher;
  }

  /** Where the node's role comes from (MASTER, BACKUP, INIT…); STANDALONE until set. */
  public void role(Supplier<String> supplier) {
    this.role = supplier;
  }

  /** Where the applied pair settings and the clock check come from (reported with every report). */
  public void runtime(Supplier<NodeSettings> settings, Supplier<ClockStatus> clock) {
    this.settings = settings;
    this.clock = clock;
  }

  public void start() {
    long millis = Math.max(1, interval.toMillis());
    thread.scheduleWithFixedDelay(
        () -> publish("heartbeat"), millis, millis, TimeUnit.MILLISECONDS);
    // A role change is news for the console (who is master now): report it within a tick, not
    // at the next heartbeat.
    thread.scheduleWithFixedDelay(
        this::reportRoleChange, ROLE_POLL.toMillis(), ROLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void reportRoleChange() {
    String now = currentRole();
    if (!now.equals(lastRole)) {
      lastRole = now;
      publish("role");
    }
  }

  /** Reports {@code event} soon, on the reporter thread. */
  public void event(String event) {
    try {
      thread.execute(() -> publish(event));
    } catch (RejectedExecutionException closing) {
      // Stopping.
    }
  }

  /** The report as it would be sent now. */
  public NodeReport report(String event) {
    Enrollment enrollment = state.enrollment();
    ManagedState.Applied applied = state.applied();
    ManagedState.Rejection rejection = state.rejection();
    return new NodeReport(
        enrollment.nodeId(),
        enrollment.nodeName(),
        enrollment.pairId(),
        event,
        currentRole(),
        applied == null ? 0 : applied.version(),
        applied == null ? null : applied.contentHash(),
        rejection == null ? 0 : rejection.version(),
        rejection == null ? null : rejection.code(),
        rejection == null ? null : rejection.reason(),
        startedAt.toString(),
        Instant.now().toString(),
        activeConnections.getAsLong(),
        settings.get(),
        clock.get());
  }

  private String currentRole() {
    try {
      String value = role.get();
      return value == null ? "INIT" : value;
    } catch (RuntimeException e) {
      return "INIT";
    }
  }

  private void publish(String event) {
    try {
      publisher.accept(report(event));
    } catch (RuntimeException e) {
      LOG.debug("report not sent: {}", e.toString());
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
