package dev.zengate.gateway.managed;

import dev.zengate.bundle.BundleJson;
import dev.zengate.bundle.BundleRejectedException;
import dev.zengate.bundle.BundleVerifier;
import dev.zengate.bundle.Enrollment;
import dev.zengate.bundle.PublicKeys;
import dev.zengate.bundle.channel.ChannelMessage;
import dev.zengate.gateway.config.InvalidConfigException;
import dev.zengate.gateway.managed.channel.ChannelClient;
import dev.zengate.gateway.managed.channel.ChannelTls;
import dev.zengate.gateway.node.GatewayNode;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gateway node run by the management server. It serves the last applied bundle from the state
 * directory at once (or nothing, when it has none), then follows the management cluster over the
 * node channel in the background: bundles are pushed to it, verified and applied by the {@link
 * BundleApplier}, and the node reports what it runs. The data plane never waits for the channel.
 */
public final class ManagedNode implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ManagedNode.class);

  /**
   * How to run.
   *
   * @param stateDir the enrolled state directory
   * @param localConfig the node-local settings file, or null
   * @param heartbeat report interval
   * @param backoff channel reconnection backoff
   */
  public record Settings(
      Path stateDir, Path localConfig, Duration heartbeat, ChannelClient.Backoff backoff) {

    public Settings {
      heartbeat = heartbeat == null ? Duration.ofSeconds(1) : heartbeat;
      backoff = backoff == null ? ChannelClient.Backoff.DEFAULT : backoff;
    }
  }

  private final GatewayNode node;
  private final ManagedState state;
  private final BundleApplier applier;
  private final NodeReporter reporter;
  private final ChannelClient channel;
  private final ChannelWitness witness;
  private final PartnerReporter partners;

  private ManagedNode(
      GatewayNode node,
      ManagedState state,
      BundleApplier applier,
      NodeReporter reporter,
      ChannelClient channel,
      ChannelWitness witness,
      PartnerReporter partners) {
    this.node = node;
    this.state = state;
    this.applier = applier;
    this.reporter = reporter;
    this.channel = channel;
    this.witness = witness;
    this.partners = partners;
  }

  /**
   * Starts the node: local settings and the cached bundle first, the channel in the background.
   *
   * @throws InvalidConfigException when the state directory is not enrolled or the local settings
   *     are invalid (the one-line reason is the message)
   */
  public static ManagedNode start(Settings settings)
      throws InvalidConfigException, IOException, InterruptedException {
    StateDir stateDir = StateDir.open(settings.stateDir());
    Enrollment enrollment = readEnrollment(stateDir);
    NodeKeys keys;
    try {
      keys = NodeKeys.load(stateDir);
    } catch (IOException e) {
      throw new InvalidConfigException(
          stateDir.nodeKey() + ": cannot read the node key: " + e.getMessage(), e);
    }
    BundleVerifier verifier;
    try {
      verifier =
          new BundleVerifier(
              PublicKeys.decode(PublicKeys.SIGNING_ALGORITHM, enrollment.signingKey()),
              enrollment.nodeId());
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigException(
          stateDir.enrollment() + ": signingKey: " + e.getMessage(), e);
    }
    SslContext channelTls;
    try {
      channelTls = ChannelTls.client(enrollment, ChannelKey.load(stateDir));
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidConfigException(
          stateDir.path() + ": cannot set up the node channel: " + e.getMessage(), e);
    }
    Path local = settings.localConfig();
    ManagedConfigLoader.NodeDefaults defaults =
        new ManagedConfigLoader.NodeDefaults(enrollment.nodeName(), stateDir.adminToken());
    ChannelClient[] channelRef = new ChannelClient[1];
    GatewayNode[] nodeRef = new GatewayNode[1];
    ChannelWitness witness =
        new ChannelWitness(
            enrollment.pairId(),
            () -> channelRef[0],
            () -> nodeRef[0] == null ? Optional.empty() : nodeRef[0].pairRole());
    GatewayNode node =
        GatewayNode.start(ManagedConfigLoader.withoutBundle(local, defaults), null, witness);
    nodeRef[0] = node;
    ManagedState state = new ManagedState(enrollment);
    NodeReporter[] reporterRef = new NodeReporter[1];
    BundleApplier applier =
        new BundleApplier(
            verifier,
            new BundleMaterializer(stateDir, keys),
            stateDir,
            node.reloader(),
            state,
            node.metrics(),
            (content, dir) -> ManagedConfigLoader.forBundle(local, defaults, content, dir),
            event -> reporterRef[0].event(event));
    NodeReporter reporter =
        new NodeReporter(
            state,
            node::activeConnections,
            settings.heartbeat(),
            report -> channelRef[0].send(new ChannelMessage.Report(report)));
    reporterRef[0] = reporter;
    ChannelClient channel =
        new ChannelClient(
            enrollment,
            channelTls,
            settings.backoff(),
            new ChannelClient.Listener() {
              @Override
              public ChannelMessage.Hello hello() {
                ManagedState.Applied applied = state.applied();
                return applied == null
                    ? new ChannelMessage.Hello(0, null)
                    : new ChannelMessage.Hello(applied.version(), applied.contentHash());
              }

              @Override
              public void bundle(String signedBundle) {
                applier.submit(signedBundle, "channel");
              }

              @Override
              public void connected(boolean connected) {
                state.channelConnected(connected);
                node.metrics().channelConnected(connected);
                if (connected) {
                  reporter.event("started");
                }
              }
            });
    channelRef[0] = channel;
    node.statusSection("managed", state::status);
    reporter.role(() -> node.pairRole().map(Enum::name).orElse("STANDALONE"));
    reporter.runtime(node::appliedSettings, () -> node.clock().status());
    PartnerReporter partners = new PartnerReporter(node.partners(), channel::send);
    ManagedNode managed =
        new ManagedNode(node, state, applier, reporter, channel, witness, partners);
    try {
      managed.serveCached(stateDir);
      reporter.start();
      partners.start();
      channel.start();
      witness.start();
    } catch (RuntimeException e) {
      managed.close();
      throw e;
    }
    LOG.info(
        "managed_node_started node={} pair={} applied_version={} channel={}",
        enrollment.nodeId(),
        enrollment.pairName(),
        state.appliedVersion(),
        enrollment.channelEndpoints());
    return managed;
  }

  private void serveCached(StateDir stateDir) {
    String cached;
    try {
      cached = Files.readString(stateDir.bundle(), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      LOG.info("no cached bundle; serving no listeners until the management server publishes one");
      return;
    } catch (IOException e) {
      LOG.warn("cached bundle unreadable: {}", e.toString());
      return;
    }
    applier.applyNow(cached, "cache");
  }

  private static Enrollment readEnrollment(StateDir stateDir) throws InvalidConfigException {
    try {
      return BundleJson.read(Files.readString(stateDir.enrollment()), Enrollment.class);
    } catch (NoSuchFileException e) {
      throw new InvalidConfigException(
          stateDir.path()
              + ": not enrolled (no enrollment.json); run 'zengate-gateway enroll' first",
          e);
    } catch (IOException | BundleRejectedException e) {
      throw new InvalidConfigException(
          stateDir.enrollment() + ": unreadable: " + e.getMessage(), e);
    }
  }

  public GatewayNode node() {
    return node;
  }

  public ManagedState state() {
    return state;
  }

  /** The management cluster as the pair's witness, over the channel. */
  public ChannelWitness witness() {
    return witness;
  }

  public NodeReporter reporter() {
    return reporter;
  }

  /** Where the node's role comes from once a pair election runs; STANDALONE until then. */
  public void role(Supplier<String> role) {
    reporter.role(role);
  }

  /** Blocks until the node has stopped. */
  public void awaitStop() throws InterruptedException {
    node.awaitStop();
  }

  @Override
  public void close() {
    witness.close();
    partners.close();
    channel.close();
    reporter.close();
    applier.close();
    node.close();
  }
}
