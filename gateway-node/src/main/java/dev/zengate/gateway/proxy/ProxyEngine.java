package dev.zengate.gateway.proxy;

import dev.zengate.gateway.config.HostPort;
import dev.zengate.gateway.metrics.GatewayMetrics;
import dev.zengate.gateway.metrics.RecentFailures;
import dev.zengate.gateway.partners.PartnerCertificates;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's set of listeners. {@link #apply} moves from one compiled configuration to the next
 * atomically: new addresses are bound first and, if any bind fails, nothing changes; then listeners
 * on unchanged addresses take their new settings in place and removed ones drain.
 */
public final class ProxyEngine implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ProxyEngine.class);

  private final Transport transport;
  private final GatewayMetrics metrics;
  private final ServingGate gate;
  private final PartnerCertificates partners;
  private Map<HostPort, ListenerRuntime> listeners = Map.of();
  private Duration drainTimeout = Duration.ofSeconds(30);

  /** An engine whose listeners always serve. */
  public ProxyEngine(Transport transport, GatewayMetrics metrics) {
    this(transport, metrics, new ServingGate(true));
  }

  /** An engine whose listeners serve new connections only while {@code gate} is open. */
  public ProxyEngine(Transport transport, GatewayMetrics metrics, ServingGate gate) {
    this(transport, metrics, gate, new PartnerCertificates(Clock.systemUTC()));
  }

  /** An engine whose listeners record the partners' certificates they see in {@code partners}. */
  public ProxyEngine(
      Transport transport, GatewayMetrics metrics, ServingGate gate, PartnerCertificates partners) {
    this.transport = transport;
    this.metrics = metrics;
    this.gate = gate;
    this.partners = partners;
  }

  /** The partners' certificates seen in handshakes. */
  public PartnerCertificates partners() {
    return partners;
  }

  public ServingGate gate() {
    return gate;
  }

  /** Connections open on all listeners. */
  public synchronized int activeConnections() {
    return listeners.values().stream().mapToInt(ListenerRuntime::activeConnections).sum();
  }

  /**
   * Snapshot of one listener for status output.
   *
   * @param revocation per side ({@code downstream}, {@code upstream}) that checks revocation: its
   *     mode and the health of every OCSP responder and CRL used so far; empty when none
   * @param recentHandshakeFailures the last failed handshakes, newest first, each explained
   */
  public record ListenerStatus(
      String name,
      String mode,
      String bind,
      String target,
      boolean bound,
      int activeConnections,
      Map<String, Object> revocation,
      List<RecentFailures.Failure> recentHandshakeFailures) {}

  public synchronized void apply(List<ListenerSettings> desired, Duration drainTimeout)
      throws InterruptedException {
    List<ListenerRuntime> created = new ArrayList<>();
    Map<HostPort, ListenerRuntime> next = new LinkedHashMap<>();
    try {
      for (ListenerSettings settings : desired) {
        ListenerRuntime existing = listeners.get(settings.bind());
        if (existing != null) {
          next.put(settings.bind(), existing);
        } else {
          ListenerRuntime runtime =
              new ListenerRuntime(settings, transport, metrics, gate, partners);
          runtime.bind();
          created.add(runtime);
          next.put(settings.bind(), runtime);
        }
      }
    } catch (RuntimeException | InterruptedException e) {
      for (ListenerRuntime runtime : created) {
        runtime.drain(Duration.ZERO);
      }
      throw e;
    }
    for (ListenerSettings settings : desired) {
      next.get(settings.bind()).update(settings);
    }
    for (var entry : listeners.entrySet()) {
      if (!next.containsKey(entry.getKey())) {
        ListenerRuntime removed = entry.getValue();
        LOG.info(
            "listener_removed listener={} bind={} draining={} timeout={}",
            removed.settings().name(),
            entry.getKey(),
            removed.activeConnections(),
            drainTimeout);
        removed.drain(drainTimeout);
      }
    }
    this.listeners = next;
    this.drainTimeout = drainTimeout;
  }

  public synchronized boolean allBound() {
    return listeners.values().stream().allMatch(ListenerRuntime::isBound);
  }

  public synchronized List<ListenerStatus> status() {
    return listeners.values().stream()
        .map(
            runtime -> {
              ListenerSettings s = runtime.settings();
              return new ListenerStatus(
                  s.name(),
                  s.mode().name().toLowerCase().replace('_', '-'),
                  s.bind().toString(),
                  s.target().toString(),
                  runtime.isBound(),
                  runtime.activeConnections(),
                  RevocationStatus.of(s),
                  metrics.listener(s.name()).recentFailures());
            })
        .sorted(Comparator.comparing(ListenerStatus::name))
        .toList();
  }

  /** Health of every revocation source in use, for the metrics. */
  public synchronized List<GatewayMetrics.RevocationSample> revocationSamples() {
    return listeners.values().stream()
        .flatMap(runtime -> RevocationStatus.samples(runtime.settings()).stream())
        .toList();
  }

  public String transportName() {
    return transport.describe();
  }

  /** Stops accepting everywhere and waits for connections to finish, up to the drain timeout. */
  @Override
  public synchronized void close() {
    List<CompletableFuture<Void>> drains = new ArrayList<>();
    for (ListenerRuntime runtime : listeners.values()) {
      drains.add(runtime.drain(drainTimeout));
    }
    try {
      CompletableFuture.allOf(drains.toArray(CompletableFuture[]::new))
          .get(drainTimeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      LOG.warn("drain did not finish cleanly: {}", e.toString());
    }
    listeners = Map.of();
  }
}
