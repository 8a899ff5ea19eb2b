package dev.zengate.gateway.managed;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.ClientConnectionStrategyConfig.ReconnectMode;
import com.hazelcast.config.ListenerConfig;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.core.LifecycleEvent.LifecycleState;
import com.hazelcast.core.LifecycleListener;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import dev.zengate.bundle.Enrollment;
import dev.zengate.bundle.GridNames;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's Hazelcast Java client to the management grid. It starts and reconnects in the
 * background (async start, async reconnect with backoff), so the data plane never waits for the
 * grid. On every (re)connection it makes sure an entry listener watches the node's own key in
 * {@link GridNames#BUNDLES} and reads the current value, so a bundle published while the node was
 * away is caught up. The grid is not trusted: every value goes to the bundle verifier.
 */
public final class GridConnection implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GridConnection.class);

  /**
   * Reconnection backoff.
   *
   * @param initialBackoff first wait after a failed attempt
   * @param maxBackoff longest wait between attempts
   */
  public record Backoff(Duration initialBackoff, Duration maxBackoff) {
    public static final Backoff DEFAULT =
        new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10));
  }

  private final Enrollment enrollment;
  private final Backoff backoff;
  private final BiConsumer<String, String> bundles;
  private final Consumer<Boolean> connection;
  private final String key;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "zengate-grid");
            t.setDaemon(true);
            return t;
          });
  private volatile HazelcastInstance client; // written on the grid thread only
  private UUID listenerId; // grid thread only
  private volatile IMap<String, String> reports;
  private volatile boolean connected;
  private volatile boolean closed;

  /**
   * @param bundles receives (bundle JSON, source) from grid threads; must not block
   * @param connection told of every connection change
   */
  public GridConnection(
      Enrollment enrollment,
      Backoff backoff,
      BiConsumer<String, String> bundles,
      Consumer<Boolean> connection) {
    this.enrollment = enrollment;
    this.backoff = backoff;
    this.bundles = bundles;
    this.connection = connection;
    this.key = GridNames.key(enrollment.nodeId());
  }

  /** Starts connecting in the background; returns at once. */
  public void start() {
    thread.execute(this::createClient);
  }

  public boolean connected() {
    return connected;
  }

  /** The grid client while connected (for the pair witness), else empty. */
  public Optional<HazelcastInstance> connectedClient() {
    HazelcastInstance current = client;
    return connected && current != null ? Optional.of(current) : Optional.empty();
  }

  /** Writes the node's report if connected; never blocks, drops it otherwise. */
  public void publishReport(String json) {
    IMap<String, String> map = reports;
    if (!connected || map == null) {
      return;
    }
    map.setAsync(key, json)
        .whenComplete(
            (ignored, error) -> {
              if (error != null) {
                LOG.debug("report not written: {}", error.toString());
              }
            });
  }

  private void createClient() {
    if (closed) {
      return;
    }
    ClientConfig config = new ClientConfig();
    config.setClusterName(enrollment.gridCluster());
    config.setInstanceName("zengate-node-" + enrollment.nodeId() + "-" + UUID.randomUUID());
    config.getNetworkConfig().setAddresses(enrollment.gridMembers());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config
        .getConnectionStrategyConfig()
        .setAsyncStart(true)
        .setReconnectMode(ReconnectMode.ASYNC)
        .getConnectionRetryConfig()
        .setInitialBackoffMillis((int) backoff.initialBackoff().toMillis())
        .setMaxBackoffMillis((int) backoff.maxBackoff().toMillis())
        .setMultiplier(2)
        .setJitter(0.2)
        .setClusterConnectTimeoutMillis(-1);
    config.addListenerConfig(new ListenerConfig((LifecycleListener) this::lifecycle));
    try {
      client = HazelcastClient.newHazelcastClient(config);
    } catch (RuntimeException e) {
      // E.g. an unusable member address in enrollment.json: serve on without the grid.
      LOG.error(
          "grid_unusable cluster={} members={} error=\"{}\" (serving without the grid)",
          enrollment.gridCluster(),
          enrollment.gridMembers(),
          e.toString());
      return;
    }
    LOG.info(
        "grid_connecting cluster={} members={}",
        enrollment.gridCluster(),
        enrollment.gridMembers());
  }

  /** Called on Hazelcast threads: hand over to the grid thread at once. */
  private void lifecycle(LifecycleEvent event) {
    LifecycleState state = event.getState();
    if (state == LifecycleState.CLIENT_CONNECTED) {
      submit(this::onConnected);
    } else if (state == LifecycleState.CLIENT_DISCONNECTED
        || state == LifecycleState.SHUTTING_DOWN) {
      setConnected(false);
      if (state == LifecycleState.CLIENT_DISCONNECTED && !closed) {
        LOG.warn(
            "grid_disconnected cluster={} (serving on; reconnecting)", enrollment.gridCluster());
      }
    }
  }

  private void onConnected() {
    if (closed || client == null) {
      return;
    }
    try {
      IMap<String, String> map = client.getMap(GridNames.BUNDLES);
      reports = client.getMap(GridNames.NODE_REPORTS);
      if (listenerId == null) {
        // Registered once; the client re-registers it on every later connection.
        listenerId = map.addEntryListener(new Listener(), key, true);
      }
      setConnected(true);
      LOG.info("grid_connected cluster={}", enrollment.gridCluster());
      String current = map.get(key);
      if (current != null) {
        bundles.accept(current, "grid-catch-up");
      }
    } catch (RuntimeException e) {
      // Lost again before we were done; the next CLIENT_CONNECTED retries.
      LOG.warn("grid_catch_up_failed error=\"{}\"", e.toString());
    }
  }

  private void setConnected(boolean value) {
    if (connected != value) {
      connected = value;
      connection.accept(value);
    }
  }

  private void submit(Runnable task) {
    try {
      thread.execute(task);
    } catch (RejectedExecutionException closing) {
      // Stopping.
    }
  }

  private final class Listener
      implements EntryAddedListener<String, String>, EntryUpdatedListener<String, String> {
    @Override
    public void entryAdded(EntryEvent<String, String> event) {
      bundles.accept(event.getValue(), "grid");
    }

    @Override
    public void entryUpdated(EntryEvent<String, String> event) {
      bundles.accept(event.getValue(), "grid");
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    setConnected(false);
    thread.execute(
        () -> {
          if (client != null) {
            client.shutdown();
          }
        });
    thread.shutdown();
    try {
      if (!thread.awaitTermination(15, TimeUnit.SECONDS)) {
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
