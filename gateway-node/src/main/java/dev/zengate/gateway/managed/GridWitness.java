package dev.zengate.gateway.managed;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.zengate.bundle.GridNames;
import dev.zengate.gateway.pair.MasterWitness;
import dev.zengate.gateway.pair.PairRole;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management grid as the pair's witness. The master holds a grid lock named after the pair; the
 * grid releases a client's locks as soon as its connection closes. A backup whose peer went silent
 * takes over only if it can take that lock: a killed master's lock is free at once, a live master
 * behind a cut heartbeat link still holds it. Without the grid the answer is "cannot tell" and the
 * election behaves as plain VRRP.
 *
 * <p>Hazelcast client locks belong to a thread, so every lock call runs on one thread here.
 */
public final class GridWitness implements MasterWitness, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GridWitness.class);
  private static final Duration RECONCILE = Duration.ofMillis(200);

  private final String pairKey;
  private final Supplier<Optional<HazelcastInstance>> grid;
  private final Supplier<Optional<PairRole>> role;
  private final ScheduledExecutorService lockThread =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "zengate-grid-witness");
            t.setDaemon(true);
            return t;
          });
  private HazelcastInstance heldWith; // lock thread only: the client holding the lock, or null
  private boolean heldElsewhereReported; // lock thread only

  public GridWitness(
      long pairId, Supplier<Optional<HazelcastInstance>> grid, Supplier<Optional<PairRole>> role) {
    this.pairKey = GridNames.key(pairId);
    this.grid = grid;
    this.role = role;
  }

  /** Starts keeping the lock in step with the role (taking it as master, releasing it else). */
  public void start() {
    lockThread.scheduleWithFixedDelay(
        this::reconcile, RECONCILE.toMillis(), RECONCILE.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public Optional<Boolean> mayBecomeMaster(Query query) {
    if (grid.get().isEmpty()) {
      return Optional.empty();
    }
    long waitMillis = Math.max(1, query.answerWithin().toMillis() / 2);
    Future<Boolean> taken = lockThread.submit(() -> take(waitMillis));
    try {
      return Optional.of(taken.get(query.answerWithin().toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException | ExecutionException e) {
      LOG.warn("pair_witness_unanswered pair={} error=\"{}\"", pairKey, e.toString());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  @Override
  public String describe() {
    return "grid-lock";
  }

  private boolean take(long waitMillis) throws InterruptedException {
    Optional<HazelcastInstance> client = grid.get();
    if (client.isEmpty()) {
      throw new IllegalStateException("grid not connected");
    }
    if (heldWith == client.get()) {
      return true;
    }
    IMap<String, String> locks = client.get().getMap(GridNames.PAIR_MASTER_LOCKS);
    if (locks.tryLock(pairKey, waitMillis, TimeUnit.MILLISECONDS)) {
      heldWith = client.get();
      return true;
    }
    return false;
  }

  private void reconcile() {
    try {
      Optional<HazelcastInstance> client = grid.get();
      if (client.isEmpty() || heldWith != client.get()) {
        heldWith = null; // a lost connection released it on the grid's side
      }
      boolean master = role.get().map(r -> r == PairRole.MASTER).orElse(false);
      if (master && heldWith == null && client.isPresent()) {
        boolean taken = take(0);
        if (!taken && !heldElsewhereReported) {
          LOG.warn(
              "pair_witness_lock_held_elsewhere pair={} (the partner holds the master lock: two"
                  + " masters while the heartbeat link is cut?)",
              pairKey);
        }
        heldElsewhereReported = !taken;
      } else if (!master && heldWith != null) {
        heldWith.<String, String>getMap(GridNames.PAIR_MASTER_LOCKS).unlock(pairKey);
        heldWith = null;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.debug("pair witness lock not reconciled: {}", e.toString());
    }
  }

  @Override
  public void close() {
    lockThread.shutdownNow();
  }
}
