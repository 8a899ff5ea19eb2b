package dev.zengate.gateway.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * The node's small, stable metric set. Names are part of the product's contract (dashboards and
 * alerts rely on them): {@code zengate_connections_active}, {@code zengate_connections_total},
 * {@code zengate_handshakes_total}, {@code zengate_bytes_total}, {@code zengate_handshake_seconds},
 * per revocation source {@code zengate_revocation_source_stale}, {@code
 * zengate_revocation_source_failures_total}, {@code zengate_revocation_next_update_seconds}, for a
 * pair member {@code zengate_pair_role}, {@code zengate_pair_transitions_total} and {@code
 * zengate_pair_adverts_ignored_total}, and in managed mode {@code zengate_bundle_rejected_total},
 * {@code zengate_bundle_applied_version}, {@code zengate_channel_connected}.
 */
public final class GatewayMetrics {

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

  private final Gauge connectionsActive =
      Gauge.builder()
          .name("zengate_connections_active")
          .help("Connections currently open, per listener")
          .labelNames("listener")
          .register(registry);
  private final Counter connectionsTotal =
      Counter.builder()
          .name("zengate_connections_total")
          .help(
              "Connections accepted, per listener; outcome accepted, rejected (limit) or backup"
                  + " (refused while this pair member is backup)")
          .labelNames("listener", "outcome")
          .register(registry);
  private final Counter handshakes =
      Counter.builder()
          .name("zengate_handshakes_total")
          .help("TLS handshakes by side (downstream = partner, upstream = target), result, reason")
          .labelNames("listener", "side", "result", "reason")
          .register(registry);
  private final Counter bytes =
      Counter.builder()
          .name("zengate_bytes_total")
          .help("Plaintext bytes relayed; direction upstream = towards the target")
          .labelNames("listener", "direction")
          .register(registry);
  private final Histogram handshakeSeconds =
      Histogram.builder()
          .name("zengate_handshake_seconds")
          .help("Duration of successful TLS handshakes")
          .labelNames("listener", "side")
          .classicOnly()
          .classicUpperBounds(
              0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
          .register(registry);

  private final Counter bundlesRejected =
      Counter.builder()
          .name("zengate_bundle_rejected_total")
          .help("Managed mode: configuration bundles refused, by reason code")
          .labelNames("code")
          .register(registry);
  private final Gauge bundleVersion =
      Gauge.builder()
          .name("zengate_bundle_applied_version")
          .help("Managed mode: version of the configuration bundle being served (0 for none)")
          .register(registry);
  private final Gauge channelConnected =
      Gauge.builder()
          .name("zengate_channel_connected")
          .help("Managed mode: 1 while the node channel to the management cluster is up")
          .register(registry);
  private final Gauge pairRole =
      Gauge.builder()
          .name("zengate_pair_role")
          .help("1 for this pair member's current role (init, backup, master), 0 for the others")
          .labelNames("role")
          .register(registry);
  private final Counter pairTransitions =
      Counter.builder()
          .name("zengate_pair_transitions_total")
          .help("Role changes of this pair member, by new role and cause")
          .labelNames("to", "cause")
          .register(registry);
  private final Counter pairIgnored =
      Counter.builder()
          .name("zengate_pair_adverts_ignored_total")
          .help("Heartbeat datagrams not taken as the peer's advertisement, by reason")
          .labelNames("reason")
          .register(registry);

  private final ConcurrentMap<String, ListenerMetrics> perListener = new ConcurrentHashMap<>();
  private volatile Supplier<List<RevocationSample>> revocationSources = List::of;

  /**
   * One revocation source (OCSP responder or CRL URL) as one listener side uses it.
   *
   * @param nextUpdate when the source's current data expires (CRLs), or null
   */
  public record RevocationSample(
      String listener,
      String side,
      String kind,
      String url,
      boolean stale,
      long failures,
      Instant nextUpdate) {

    String[] labels() {
      return new String[] {listener, side, kind, url};
    }
  }

  {
    GaugeWithCallback.builder()
        .name("zengate_revocation_source_stale")
        .help("1 when a CRL is past its nextUpdate and could not be refreshed")
        .labelNames("listener", "side", "kind", "url")
        .callback(
            callback ->
                revocationSources.get().forEach(s -> callback.call(s.stale() ? 1 : 0, s.labels())))
        .register(registry);
    CounterWithCallback.builder()
        .name("zengate_revocation_source_failures")
        .help("Failed OCSP requests and CRL downloads since the configuration was applied")
        .labelNames("listener", "side", "kind", "url")
        .callback(
            callback ->
                revocationSources.get().forEach(s -> callback.call(s.failures(), s.labels())))
        .register(registry);
    GaugeWithCallback.builder()
        .name("zengate_revocation_next_update_seconds")
        .help("Unix time at which the source's current CRL expires (nextUpdate)")
        .labelNames("listener", "side", "kind", "url")
        .callback(
            callback ->
                revocationSources.get().stream()
                    .filter(s -> s.nextUpdate() != null)
                    .forEach(s -> callback.call(s.nextUpdate().getEpochSecond(), s.labels())))
        .register(registry);
  }

  /** Where the revocation metrics read their values at each scrape. */
  public void revocationSources(Supplier<List<RevocationSample>> source) {
    revocationSources = source;
  }

  /** Managed mode: one refused configuration bundle. */
  public void bundleRejected(String code) {
    bundlesRejected.labelValues(code).inc();
  }

  /** Managed mode: the bundle version now served. */
  public void bundleApplied(long version) {
    bundleVersion.set(version);
  }

  /** Managed mode: whether the node channel is up. */
  public void channelConnected(boolean connected) {
    channelConnected.set(connected ? 1 : 0);
  }

  /** Data points of one listener, resolved once so the hot path does no label lookups. */
  public ListenerMetrics listener(String name) {
    return perListener.computeIfAbsent(name, this::newListenerMetrics);
  }

  /** Sets the pair role gauge: 1 for {@code current}, 0 for the other {@code roles}. */
  public void pairRole(String current, List<String> roles) {
    for (String role : roles) {
      pairRole.labelValues(role).set(role.equals(current) ? 1 : 0);
    }
  }

  public void pairTransition(String to, String cause) {
    pairTransitions.labelValues(to, cause).inc();
  }

  public void pairAdvertIgnored(String reason) {
    pairIgnored.labelValues(reason).inc();
  }

  public void writeText(OutputStream out) throws IOException {
    writer.write(out, registry.scrape());
  }

  public String contentType() {
    return writer.getContentType();
  }

  private ListenerMetrics newListenerMetrics(String name) {
    return new ListenerMetrics(
        connectionsActive.labelValues(name),
        connectionsTotal.labelValues(name, "accepted"),
        connectionsTotal.labelValues(name, "rejected"),
        connectionsTotal.labelValues(name, "backup"),
        bytes.labelValues(name, "upstream"),
        bytes.labelValues(name, "downstream"),
        name);
  }

  /** Data points looked up once: a label lookup per handshake showed in profiles. */
  private record HandshakeSide(CounterDataPoint succeeded, DistributionDataPoint seconds) {}

  private HandshakeSide handshakeSide(String listener, String side) {
    return new HandshakeSide(
        handshakes.labelValues(listener, side, "success", "none"),
        handshakeSeconds.labelValues(listener, side));
  }

  /** Metrics of one listener. */
  public final class ListenerMetrics {
    private final GaugeDataPoint active;
    private final CounterDataPoint accepted;
    private final CounterDataPoint rejected;
    private final CounterDataPoint refusedAsBackup;
    private final CounterDataPoint bytesUpstream;
    private final CounterDataPoint bytesDownstream;
    private final String listener;
    // Looked up on first use, so a listener shows only the sides it has; a race only repeats an
    // idempotent lookup.
    private final RecentFailures recentFailures = new RecentFailures();
    private volatile HandshakeSide downstream;
    private volatile HandshakeSide upstream;

    private ListenerMetrics(
        GaugeDataPoint active,
        CounterDataPoint accepted,
        CounterDataPoint rejected,
        CounterDataPoint refusedAsBackup,
        CounterDataPoint bytesUpstream,
        CounterDataPoint bytesDownstream,
        String listener) {
      this.active = active;
      this.accepted = accepted;
      this.rejected = rejected;
      this.refusedAsBackup = refusedAsBackup;
      this.bytesUpstream = bytesUpstream;
      this.bytesDownstream = bytesDownstream;
      this.listener = listener;
    }

    public void connectionOpened() {
      accepted.inc();
      active.inc();
    }

    public void connectionClosed() {
      active.dec();
    }

    public void connectionRejected() {
      rejected.inc();
    }

    /** A connection closed at once because this pair member is backup. */
    public void connectionRefusedAsBackup() {
      refusedAsBackup.inc();
    }

    public void bytesUpstream(long n) {
      bytesUpstream.inc(n);
    }

    public void bytesDownstream(long n) {
      bytesDownstream.inc(n);
    }

    public void handshakeSucceeded(String side, double seconds) {
      HandshakeSide data;
      if ("downstream".equals(side)) {
        data = downstream;
        if (data == null) {
          downstream = data = handshakeSide(listener, side);
        }
      } else {
        data = upstream;
        if (data == null) {
          upstream = data = handshakeSide(listener, side);
        }
      }
      data.succeeded().inc();
      data.seconds().observe(seconds);
    }

    /** The last failures of this listener, newest first. */
    public List<RecentFailures.Failure> recentFailures() {
      return recentFailures.snapshot();
    }

    /**
     * Counts a failure by reason and keeps it, explained, among the recent ones.
     *
     * @param offered what the partner offered (versions and suites), null when unknown
     */
    public void handshakeFailed(
        String side, String reason, String peer, String offered, String detail) {
      recentFailures.add(
          new RecentFailures.Failure(
              Instant.now().toString(), side, peer, reason, offered, detail));
      handshakes.labelValues(listener, side, "failure", reason).inc();
    }
  }
}
