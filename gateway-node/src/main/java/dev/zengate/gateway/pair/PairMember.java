package dev.zengate.gateway.pair;

import dev.zengate.gateway.metrics.GatewayMetrics;
import dev.zengate.gateway.proxy.ServingGate;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's membership in a master/backup pair: runs the election and turns each role change into
 * its effects — the serving gate (master serves, backup refuses), the metrics, and the hook.
 * Connections established before a demotion are left to finish: with a moved virtual IP their
 * packets no longer arrive anyway, and after a healed split they carry on rather than being cut.
 */
public final class PairMember implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger("dev.zengate.gateway.pair");
  private static final List<String> ROLES =
      Arrays.stream(PairRole.values()).map(PairRole::label).toList();

  private final PairSettings settings;
  private final ServingGate gate;
  private final GatewayMetrics metrics;
  private final IntSupplier activeConnections;
  private final HookRunner hooks;
  private final PairElection election;

  public PairMember(
      PairSettings settings,
      MasterWitness witness,
      ServingGate gate,
      GatewayMetrics metrics,
      IntSupplier activeConnections) {
    this.settings = settings;
    this.gate = gate;
    this.metrics = metrics;
    this.activeConnections = activeConnections;
    this.hooks = new HookRunner(settings.hooks(), settings.pairId(), settings.node());
    this.election = new PairElection(settings, witness, observer());
    gate.set(settings.serveWhenBackup());
    metrics.pairRole(PairRole.INIT.label(), ROLES);
  }

  public void start() throws IOException {
    if (!settings.authenticated()) {
      LOG.warn(
          "pair_unauthenticated pair={} node={} (no pair.secret or pair.secretFile: any process"
              + " that can send UDP to {} as {} can spoof advertisements)",
          settings.pairId(),
          settings.node(),
          settings.listen(),
          settings.peer());
    }
    election.start();
  }

  public PairRole role() {
    return election.role();
  }

  public PairSettings settings() {
    return settings;
  }

  private RoleObserver observer() {
    return new RoleObserver() {
      @Override
      public void onTransition(Transition transition) {
        gate.set(transition.to() == PairRole.MASTER || settings.serveWhenBackup());
        metrics.pairRole(transition.to().label(), ROLES);
        metrics.pairTransition(transition.to().label(), transition.cause().label());
        if (transition.from() == PairRole.MASTER) {
          LOG.info(
              "pair_demoted pair={} node={} established_connections={} (kept until they end;"
                  + " new connections refused{})",
              settings.pairId(),
              settings.node(),
              activeConnections.getAsInt(),
              settings.serveWhenBackup() ? ": no, serveWhenBackup" : "");
        }
        hooks.submit(transition);
      }

      @Override
      public void onIgnored(String reason) {
        metrics.pairAdvertIgnored(reason);
      }
    };
  }

  /** The {@code pair} object of {@code /status}. */
  public Map<String, Object> status() {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("id", settings.pairId());
    status.put("role", election.role().label());
    status.put("since", election.roleSince().toString());
    status.put("serving", gate.isOpen());
    status.put("priority", settings.priority());
    status.put("preempt", settings.preempt());
    status.put("advertIntervalMs", settings.advertInterval().toMillis());
    status.put("deadIntervalMs", settings.deadInterval().toMillis());
    status.put("authenticated", settings.authenticated());
    status.put("witness", election.witnessName());
    status.put("listen", settings.listen().toString());
    Map<String, Object> peer = new LinkedHashMap<>();
    peer.put("address", settings.peer().toString());
    election
        .peer()
        .ifPresent(
            p -> {
              peer.put("name", p.name());
              peer.put("role", p.resigned() ? "resigned" : p.role().label());
              peer.put("priority", p.priority());
              peer.put("lastSeen", p.lastSeen().toString());
              peer.put("lastSeenAgoMs", (System.nanoTime() - p.lastSeenNanos()) / 1_000_000);
            });
    status.put("peer", peer);
    election
        .lastTransition()
        .ifPresent(
            t -> {
              Map<String, Object> last = new LinkedHashMap<>();
              last.put("from", t.from().label());
              last.put("to", t.to().label());
              last.put("cause", t.cause().label());
              last.put("at", t.at().toString());
              if (!t.detail().isEmpty()) {
                last.put("detail", t.detail());
              }
              status.put("lastTransition", last);
            });
    return status;
  }

  /** Resigns (the peer takes over at once), closes the gate and waits for queued hooks. */
  @Override
  public void close() {
    election.close();
    gate.set(false);
    hooks.close();
  }
}
