package dev.zengate.gateway.managed;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.zengate.bundle.GridNames;
import dev.zengate.gateway.pair.MasterWitness;
import dev.zengate.gateway.pair.PairRole;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management grid as the pair's witness: a short lease. The master renews an entry named after
 * its pair, holding its node name, every {@link #RENEW} with a time-to-live of {@link #LEASE}. A
 * backup whose peer went silent takes over only if no live lease names the peer: a killed master's
 * lease runs out within {@link #LEASE} (about the dead interval, so failover is not slower), a live
 * master behind a cut heartbeat link keeps renewing it. Without the grid the answer is "cannot
 * tell" and the election behaves as plain VRRP.
 *
 * <p>A lease, not a grid lock: the grid keeps a dead client's locks until its client cleanup
 * timeout (minutes), which would hold the backup back that long.
 */
public final class GridWitness implements MasterWitness, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GridWitness.class);
  static final Duration RENEW = Duration.ofMillis(150);
  static final Duration LEASE = Duration.ofMillis(600);

  private final String pairKey;
  private final String nodeName;
  private final Supplier<Optional<HazelcastInstance>> grid;
  private final Supplier<Optional<PairRole>> role;
  private final ScheduledExecutorService renewer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "zengate-grid-witness");
            t.setDaemon(true);
            return t;
          });

  public GridWitness(
      long pairId,
      String nodeName,
      Supplier<Optional<HazelcastInstance>> grid,
      Supplier<Optional<PairRole>> role) {
    this.pairKey = GridNames.key(pairId);
    this.nodeName = nodeName;
    this.grid = grid;
    this.role = role;
  }

  /** Starts renewing the lease while this node is master. */
  public void start() {
    renewer.scheduleWithFixedDelay(
        this::renew, RENEW.toMillis(), RENEW.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public Optional<Boolean> mayBecomeMaster(Query query) {
    Optional<HazelcastInstance> client = grid.get();
    if (client.isEmpty()) {
      return Optional.empty();
    }
    try {
      IMap<String, String> leases = client.get().getMap(GridNames.PAIR_MASTER_LEASES);
      String holder = leases.get(pairKey);
      if (holder != null && !holder.equals(nodeName)) {
        return Optional.of(false); // the partner still renews: alive, only our link to it is cut
      }
      leases.set(pairKey, nodeName, LEASE.toMillis(), TimeUnit.MILLISECONDS);
      return Optional.of(true);
    } catch (RuntimeException e) {
      LOG.warn("pair_witness_unanswered pair={} error=\"{}\"", pairKey, e.toString());
      return Optional.empty();
    }
  }

  @Override
  public String describe() {
    return "grid-lease";
  }

  private void renew() {
    try {
      Optional<HazelcastInstance> client = grid.get();
      if (client.isPresent() && role.get().map(r -> r == PairRole.MASTER).orElse(false)) {
        client
            .get()
            .<String, String>getMap(GridNames.PAIR_MASTER_LEASES)
            .setAsync(pairKey, nodeName, LEASE.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (RuntimeException e) {
      LOG.debug("pair witness lease not renewed: {}", e.toString());
    }
  }

  @Override
  public void close() {
    renewer.shutdownNow();
  }
}
