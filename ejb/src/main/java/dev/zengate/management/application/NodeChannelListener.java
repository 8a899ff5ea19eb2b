package dev.zengate.management.application;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import dev.zengate.bundle.NodeReport;
import dev.zengate.bundle.PartnerCertificate;
import dev.zengate.bundle.channel.ChannelMessage;
import dev.zengate.management.infrastructure.channel.ChannelBackend;
import dev.zengate.management.infrastructure.channel.ChannelCertificates;
import dev.zengate.management.infrastructure.channel.ChannelServer;
import dev.zengate.management.infrastructure.channel.NodeIdentity;
import dev.zengate.management.infrastructure.grid.DataGrid;
import dev.zengate.management.infrastructure.grid.GridNames;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * This member's node-channel listener ({@code ZENGATE_NODE_CHANNEL_ADDRESS}, default 127.0.0.1;
 * {@code ZENGATE_NODE_CHANNEL_PORT}, default 7443, 0 for any free port; {@code
 * ZENGATE_NODE_CHANNEL_HOST}, the name nodes dial, default the address). At start it issues itself
 * a server certificate from the cluster's node-channel CA and announces its endpoint in the grid.
 * Bundles published by any member reach it through the grid and go out on the channels it holds; a
 * node that (re)connects is answered from PostgreSQL. Reports go into the grid (stored once per
 * cluster by {@link NodeReportListener}); the pairs' master leases live in the grid too.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration") // the CA lives in PostgreSQL
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class NodeChannelListener implements ChannelBackend {

  private static final Logger LOG = Logger.getLogger(NodeChannelListener.class.getName());
  static final int DEFAULT_PORT = 7443;
  static final long LEASE_MILLIS = 600;

  @Inject private NodeChannelCa ca;
  @Inject private NodeChannelDirectory directory;
  @Inject private DataGrid grid;
  @Inject private NodeReportRecorder recorder;
  @Inject private PartnerCertificateRecorder partners;
  @Resource private ManagedExecutorService executor;
  @Resource private ManagedThreadFactory threads;
  @Resource private TimerService timers;

  private volatile ChannelServer server;
  private UUID bundleListener;
  private UUID revokedListener;

  @PostConstruct
  void start() {
    if (!tryStart()) {
      // PostgreSQL (the CA) or the grid may come up after the application: try again.
      timers.createIntervalTimer(10_000, 10_000, new TimerConfig(null, false));
    }
  }

  @Timeout
  void retry(jakarta.ejb.Timer timer) {
    if (tryStart()) {
      timer.cancel();
    }
  }

  private synchronized boolean tryStart() {
    if (server != null) {
      return true;
    }
    String address = env("ZENGATE_NODE_CHANNEL_ADDRESS", "127.0.0.1");
    String host = env("ZENGATE_NODE_CHANNEL_HOST", address);
    int port = Integer.parseInt(env("ZENGATE_NODE_CHANNEL_PORT", Integer.toString(DEFAULT_PORT)));
    if (host.equals("0.0.0.0") || host.equals("::")) {
      LOG.severe(
          "node channel not started: ZENGATE_NODE_CHANNEL_ADDRESS is a wildcard; set"
              + " ZENGATE_NODE_CHANNEL_HOST to the name or address nodes dial");
      return true; // nothing to retry
    }
    Optional<HazelcastInstance> hz = grid.instance();
    if (hz.isEmpty()) {
      return false;
    }
    try {
      NodeChannelCa.Authority authority = ca.current();
      KeyPair key = ChannelCertificates.newKey();
      X509Certificate certificate =
          ChannelCertificates.server(
              authority.certificate(), authority.keys().getPrivate(), key.getPublic(), host);
      server =
          ChannelServer.start(
              new InetSocketAddress(address, port),
              ChannelServer.serverTls(key.getPrivate(), certificate, authority.certificate()),
              this,
              executor,
              threads);
    } catch (Exception e) {
      LOG.warning("node channel not started yet: " + e);
      return false;
    }
    String endpoint = (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port();
    IMap<String, String> bundles = hz.get().getMap(GridNames.BUNDLES);
    bundleListener = bundles.addEntryListener(new BundleForwarder(), true);
    revokedListener =
        hz.get()
            .<Long>getTopic(GridNames.REVOKED_NODES)
            .addMessageListener(
                m -> server.sessions().close(m.getMessageObject(), "enrollment reset"));
    grid.announceChannelEndpoint(endpoint);
    LOG.info("node channel listening on " + address + ":" + server.port() + " as " + endpoint);
    return true;
  }

  @PreDestroy
  void stop() {
    ChannelServer running = server;
    if (running == null) {
      return;
    }
    grid.instance()
        .ifPresent(
            hz -> {
              try {
                hz.getMap(GridNames.BUNDLES).removeEntryListener(bundleListener);
                hz.getTopic(GridNames.REVOKED_NODES).removeMessageListener(revokedListener);
                hz.getMap(GridNames.CHANNEL_ENDPOINTS)
                    .delete(hz.getCluster().getLocalMember().getUuid().toString());
              } catch (RuntimeException e) {
                LOG.fine("grid already gone: " + e.getMessage());
              }
            });
    running.close();
  }

  /** How many nodes hold a channel to this member (health, benchmarks). */
  public int connectedNodes() {
    ChannelServer running = server;
    return running == null ? 0 : running.sessions().size();
  }

  @Override
  public Optional<NodeIdentity> identify(String channelKeyFingerprint) {
    return directory.byChannelKey(channelKeyFingerprint);
  }

  @Override
  public Optional<String> newerBundle(NodeIdentity node, long runningVersion) {
    return directory.newerBundle(node.nodeId(), runningVersion);
  }

  @Override
  public void report(NodeReport report) {
    Optional<IMap<String, String>> reports = grid.map(GridNames.NODE_REPORTS);
    if (reports.isPresent()) {
      reports.get().set(GridNames.key(report.nodeId()), report.toJson());
    } else {
      recorder.record(report);
    }
  }

  /** Straight to PostgreSQL: only the member holding the node's channel receives them. */
  @Override
  public void partnerCertificates(NodeIdentity node, List<PartnerCertificate> certificates) {
    try {
      partners.record(node.pairId(), node.nodeId(), certificates);
    } catch (RuntimeException e) {
      LOG.warning("partner certificates of node " + node + " not stored: " + e.getMessage());
    }
  }

  /**
   * Renews the lease only when the node holds it or nobody does: its partner (the only other node
   * that can name this pair) cannot take a live lease away from the master by renewing.
   */
  @Override
  public void renewLease(NodeIdentity node) {
    leases().ifPresent(leases -> leases.hold(GridNames.key(node.pairId()), node.nodeName()));
  }

  @Override
  public String witness(NodeIdentity node) {
    Optional<PairLeases> leases = leases();
    if (leases.isEmpty()) {
      return "unknown";
    }
    // Refused: the partner still renews, alive; only the heartbeat link is cut.
    return leases.get().hold(GridNames.key(node.pairId()), node.nodeName()) ? "agreed" : "refused";
  }

  private Optional<PairLeases> leases() {
    return grid.instance()
        .map(
            hz ->
                new PairLeases(
                    hz.<String, String>getMap(GridNames.PAIR_MASTER_LEASES),
                    hz.getCluster()::getClusterTime,
                    LEASE_MILLIS));
  }

  private final class BundleForwarder
      implements EntryAddedListener<String, String>, EntryUpdatedListener<String, String> {
    @Override
    public void entryAdded(EntryEvent<String, String> event) {
      forward(event);
    }

    @Override
    public void entryUpdated(EntryEvent<String, String> event) {
      forward(event);
    }

    private void forward(EntryEvent<String, String> event) {
      ChannelServer running = server;
      if (running != null) {
        try {
          running
              .sessions()
              .send(Long.parseLong(event.getKey()), new ChannelMessage.Bundle(event.getValue()));
        } catch (NumberFormatException e) {
          LOG.fine("not a node key: " + event.getKey());
        }
      }
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value.strip();
  }
}
