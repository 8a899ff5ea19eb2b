package dev.zengate.gateway.node;

import dev.zengate.bundle.settings.NodeSettings;
import dev.zengate.gateway.admin.AdminServer;
import dev.zengate.gateway.clock.ClockCheck;
import dev.zengate.gateway.config.AdminConfig;
import dev.zengate.gateway.config.ConfigProblem;
import dev.zengate.gateway.config.InvalidConfigException;
import dev.zengate.gateway.config.NodeConfig;
import dev.zengate.gateway.config.PairConfig;
import dev.zengate.gateway.events.NodeEvents;
import dev.zengate.gateway.expiry.ExpiryWatch;
import dev.zengate.gateway.metrics.GatewayMetrics;
import dev.zengate.gateway.pair.MasterWitness;
import dev.zengate.gateway.pair.NoWitness;
import dev.zengate.gateway.pair.PairMember;
import dev.zengate.gateway.pair.PairRole;
import dev.zengate.gateway.pair.PairSettings;
import dev.zengate.gateway.partners.PartnerCertificates;
import dev.zengate.gateway.proxy.CompiledConfig;
import dev.zengate.gateway.proxy.HandshakeWarmup;
import dev.zengate.gateway.proxy.ProxyEngine;
import dev.zengate.gateway.proxy.ServingGate;
import dev.zengate.gateway.proxy.Transport;
import dev.zengate.gateway.reload.ConfigLoader;
import dev.zengate.gateway.reload.ConfigReloader;
import dev.zengate.gateway.reload.ReloadOutcome;
import dev.zengate.gateway.reload.ReloadTriggers;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running gateway node: event loops, listeners, admin endpoint and reload triggers, started in
 * that order and stopped in reverse (listeners drain before the loops go away).
 */
public final class GatewayNode implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GatewayNode.class);

  private final Transport transport;
  private final GatewayMetrics metrics = new GatewayMetrics();
  private final ServingGate gate = new ServingGate(true);
  private final PartnerCertificates partners = new PartnerCertificates(Clock.systemUTC());
  private final MasterWitness witness;
  private final ProxyEngine engine;
  private final ConfigReloader reloader;
  private final ReloadTriggers triggers;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Map<String, Supplier<Object>> statusSections = new ConcurrentHashMap<>();
  private final NodeEvents events;
  private final ClockCheck clock;
  private volatile ExpiryWatch expiryWatch;
  private AdminServer admin;
  private volatile PairMember pair;
  private PairConfig pairConfig;

  private GatewayNode(ConfigLoader loader, MasterWitness witness) {
    this.witness = witness;
    this.transport = new Transport();
    this.engine = new ProxyEngine(transport, metrics, gate, partners);
    metrics.revocationSources(engine::revocationSamples);
    this.reloader = new ConfigReloader(loader, engine);
    this.triggers = new ReloadTriggers(reloader);
    this.events =
        new NodeEvents(
            () -> {
              NodeConfig node = nodeConfig();
              return node == null ? null : new NodeEvents.Destination(node.name(), node.syslog());
            });
    this.clock =
        new ClockCheck(
            () -> {
              NodeConfig node = nodeConfig();
              return node == null ? List.of() : node.ntpServers();
            },
            events,
            Clock.systemUTC(),
            ClockCheck.DEFAULT_INTERVAL);
  }

  private NodeConfig nodeConfig() {
    CompiledConfig config = reloader.current();
    return config == null ? null : config.config().node();
  }

  /**
   * Starts serving. {@code watchFile} is watched for changes when not null.
   *
   * @throws InvalidConfigException when the configuration is invalid or an address is taken
   */
  public static GatewayNode start(ConfigLoader loader, Path watchFile)
      throws InvalidConfigException, IOException, InterruptedException {
    return start(loader, watchFile, NoWitness.INSTANCE);
  }

  /**
   * Starts serving; a pair member consults {@code witness} before taking over from a silent peer. A
   * pair member's listeners are bound but refuse connections until the election makes it master.
   */
  public static GatewayNode start(ConfigLoader loader, Path watchFile, MasterWitness witness)
      throws InvalidConfigException, IOException, InterruptedException {
    GatewayNode node = new GatewayNode(loader, witness);
    try {
      CompiledConfig config = node.reloader.start(node::joinPair);
      AdminConfig adminConfig = config.config().node().admin();
      if (adminConfig.isEnabled()) {
        node.admin = new AdminServer(adminConfig, node, node.metrics);
        node.admin.start();
      }
      node.reloader.onReloadApplied(
          applied -> {
            node.checkPairUnchanged(applied);
            node.clock.serversMayHaveChanged();
            ExpiryWatch watch = node.expiryWatch;
            if (watch != null) {
              watch.checkSoon();
            }
          });
      node.clock.start();
      if (node.pair != null) {
        // A backup may serve its first connection only at failover: have its TLS code hot then.
        HandshakeWarmup.warm(config.listeners());
        node.pair.start();
      }
      node.triggers.onSighup();
      if (watchFile != null) {
        node.triggers.watch(watchFile);
      }
      LOG.info(
          "node_started name={} transport={} tls_provider={} listeners={} version={}",
          config.config().node().name(),
          node.transport.describe(),
          config.config().node().tlsProvider().name().toLowerCase(),
          config.listeners().size(),
          ConfigReloader.shortVersion(config.version()));
      return node;
    } catch (InvalidConfigException | IOException | InterruptedException | RuntimeException e) {
      node.close();
      throw e;
    }
  }

  /** Before the listeners bind: a pair member closes its gate until the election has run. */
  private void joinPair(CompiledConfig config) {
    pairConfig = config.config().pair();
    if (pairConfig == null) {
      return;
    }
    PairSettings settings;
    try {
      settings = PairSettings.from(config.config().node().name(), pairConfig);
    } catch (ConfigProblem problem) {
      throw new IllegalStateException(problem.fieldPath() + ": " + problem.getMessage(), problem);
    }
    pair = new PairMember(settings, witness, gate, metrics, engine::activeConnections);
  }

  /** Pair settings are read at start only; say so when a reload changes them. */
  private void checkPairUnchanged(CompiledConfig config) {
    if (!Objects.equals(pairConfig, config.config().pair())) {
      LOG.warn(
          "pair_config_changed applied=false (the pair section is read at start only: restart"
              + " this node to apply it; listeners and certificates were reloaded)");
    }
  }

  /** This node's pair role, when it is a pair member. */
  public Optional<PairRole> pairRole() {
    PairMember member = pair;
    return member == null ? Optional.empty() : Optional.of(member.role());
  }

  public ProxyEngine engine() {
    return engine;
  }

  public ConfigReloader reloader() {
    return reloader;
  }

  public GatewayMetrics metrics() {
    return metrics;
  }

  /**
   * Warns by syslog about the expiry of this node's own certificates, as the appliance does: for a
   * node run from a file (a managed node's certificates are watched by the management cluster).
   *
   * @param stateFile where the thresholds already sent are kept across restarts
   */
  public void watchOwnCertificates(Path stateFile) {
    ExpiryWatch watch = new ExpiryWatch(reloader::current, events, Clock.systemUTC(), stateFile);
    expiryWatch = watch;
    watch.start();
  }

  /** The partners' certificates the listeners saw in handshakes. */
  public PartnerCertificates partners() {
    return partners;
  }

  /** The node's own events sent to {@code node.syslog}. */
  public NodeEvents events() {
    return events;
  }

  /** The pair settings this node applies now (from its file or the bundle), or null. */
  public NodeSettings appliedSettings() {
    NodeConfig node = nodeConfig();
    return node == null
        ? null
        : new NodeSettings(node.httpProxy(), node.dnsServers(), node.ntpServers(), node.syslog());
  }

  /** How the node's clock compares with {@code node.ntpServers}. */
  public ClockCheck clock() {
    return clock;
  }

  /** The status document served at {@code /status}. */
  public Map<String, Object> status() {
    CompiledConfig config = reloader.current();
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("node", config == null ? null : config.config().node().name());
    status.put(
        "tlsProvider",
        config == null ? null : config.config().node().tlsProvider().name().toLowerCase());
    status.put("transport", transport.describe());
    status.put("configVersion", config == null ? null : config.version());
    ReloadOutcome applied = reloader.lastApplied();
    status.put("lastReload", applied == null ? null : outcome(applied));
    ReloadOutcome attempt = reloader.lastAttempt();
    if (attempt != null && !attempt.applied()) {
      status.put("lastRejectedReload", outcome(attempt));
    }
    PairMember member = pair;
    if (member != null) {
      Map<String, Object> pairStatus = member.status();
      if (!Objects.equals(pairConfig, config == null ? null : config.config().pair())) {
        pairStatus.put("restartRequired", true);
      }
      status.put("pair", pairStatus);
    }
    status.put("settings", appliedSettings());
    status.put("clock", clock.statusView());
    status.put("listeners", engine.status());
    status.put("partnerCertificates", partners.all());
    statusSections.forEach((name, section) -> status.put(name, section.get()));
    return status;
  }

  /** Adds a section to {@link #status()} (e.g. {@code managed}), computed at each request. */
  public void statusSection(String name, Supplier<Object> section) {
    statusSections.put(name, section);
  }

  /** Connections open through all listeners. */
  public long activeConnections() {
    return engine.status().stream().mapToLong(ProxyEngine.ListenerStatus::activeConnections).sum();
  }

  private static Map<String, Object> outcome(ReloadOutcome outcome) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("time", outcome.at().toString());
    map.put("trigger", outcome.trigger());
    map.put("applied", outcome.applied());
    if (outcome.error() != null) {
      map.put("error", outcome.error());
    }
    return map;
  }

  /** Blocks until {@link #close()} has run (from a shutdown hook, typically). */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  @Override
  public void close() {
    PairMember member = pair;
    if (member != null) {
      // Resign first: the peer takes over while this node drains its connections.
      member.close();
    }
    try {
      triggers.close();
    } catch (IOException e) {
      LOG.warn("closing the config watcher failed: {}", e.toString());
    }
    if (admin != null) {
      admin.close();
    }
    clock.close();
    ExpiryWatch watch = expiryWatch;
    if (watch != null) {
      watch.close();
    }
    events.close();
    engine.close();
    reloader.releaseCurrent();
    transport.close();
    stopped.countDown();
    LOG.info("node_stopped");
  }
}
