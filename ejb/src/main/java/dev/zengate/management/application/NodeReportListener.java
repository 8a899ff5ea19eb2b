package dev.zengate.management.application;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import dev.zengate.bundle.BundleJson;
import dev.zengate.bundle.BundleRejectedException;
import dev.zengate.bundle.NodeReport;
import dev.zengate.management.infrastructure.grid.DataGrid;
import dev.zengate.management.infrastructure.grid.GridNames;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Receives node reports from the grid. The listener is local (the member owning a node's entry
 * handles it), so with several management servers each report is stored once. Heartbeats that
 * change nothing are stored at most every {@link #HEARTBEAT_STORE_INTERVAL}; applied, rejected and
 * role reports are stored at once.
 */
@Singleton
@Startup
public class NodeReportListener
    implements EntryAddedListener<String, String>, EntryUpdatedListener<String, String> {

  static final Duration HEARTBEAT_STORE_INTERVAL = Duration.ofSeconds(5);
  private static final Logger LOG = Logger.getLogger(NodeReportListener.class.getName());

  @Inject private DataGrid grid;
  @Inject private NodeReportRecorder recorder;
  @Resource private TimerService timers;

  private final Map<Long, Instant> lastStored = new ConcurrentHashMap<>();
  private final Map<Long, String> lastRole = new ConcurrentHashMap<>();
  private final Map<Long, String> lastRejection = new ConcurrentHashMap<>();
  private volatile UUID registration;
  private volatile IMap<String, String> reports;
  // Grid events arrive on Hazelcast's threads; persistence needs the application's class loader.
  private ClassLoader applicationLoader;

  @PostConstruct
  void start() {
    applicationLoader = Thread.currentThread().getContextClassLoader();
    if (!register()) {
      // The grid may come up after the application: try again until it does.
      timers.createIntervalTimer(10_000, 10_000, new TimerConfig(null, false));
    }
  }

  @Timeout
  void retry(jakarta.ejb.Timer timer) {
    if (register()) {
      timer.cancel();
    }
  }

  private boolean register() {
    Optional<IMap<String, String>> map = grid.map(GridNames.NODE_REPORTS);
    if (map.isEmpty()) {
      return false;
    }
    reports = map.get();
    registration = reports.addLocalEntryListener(this);
    LOG.info("receiving node reports from the grid (" + GridNames.NODE_REPORTS + ")");
    return true;
  }

  @PreDestroy
  void stop() {
    if (registration != null) {
      try {
        reports.removeEntryListener(registration);
      } catch (RuntimeException e) {
        LOG.fine("grid already gone: " + e.getMessage());
      }
    }
  }

  @Override
  public void entryAdded(EntryEvent<String, String> event) {
    handle(event.getValue());
  }

  @Override
  public void entryUpdated(EntryEvent<String, String> event) {
    handle(event.getValue());
  }

  private void handle(String json) {
    Thread thread = Thread.currentThread();
    ClassLoader original = thread.getContextClassLoader();
    thread.setContextClassLoader(applicationLoader);
    try {
      store(json);
    } finally {
      thread.setContextClassLoader(original);
    }
  }

  private void store(String json) {
    NodeReport report;
    try {
      report = BundleJson.read(json, NodeReport.class);
    } catch (BundleRejectedException e) {
      LOG.warning("unreadable node report ignored: " + e.getMessage());
      return;
    }
    Instant now = Instant.now();
    Instant previous = lastStored.get(report.nodeId());
    String role = String.valueOf(report.role()); // a forged report may leave it out
    boolean roleChanged = !role.equals(lastRole.put(report.nodeId(), role));
    if ("rejected".equals(report.event())) {
      // One audit row per refused version and reason, however often a node repeats it.
      String rejection = report.rejectedVersion() + "/" + report.rejectedCode();
      if (rejection.equals(lastRejection.put(report.nodeId(), rejection))) {
        report = report.withEvent("heartbeat");
      }
    }
    if ("heartbeat".equals(report.event())
        && !roleChanged
        && previous != null
        && previous.plus(HEARTBEAT_STORE_INTERVAL).isAfter(now)) {
      return;
    }
    try {
      if (recorder.record(report)) {
        if (lastStored.put(report.nodeId(), now) == null) {
          LOG.info(
              "node "
                  + report.nodeName()
                  + " reports through the grid (role "
                  + report.role()
                  + ", version "
                  + report.appliedVersion()
                  + ")");
        }
      }
    } catch (RuntimeException e) {
      LOG.warning("node report of " + report.nodeName() + " not stored: " + e.getMessage());
    }
  }
}
