package dev.zengate.gateway.pair;

import dev.zengate.gateway.config.PairTieBreak;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VRRP-like election of one pair member. Both members advertise every advert interval (name,
 * priority, role, pair id, sequence); a backup takes the master role when the peer is silent for
 * the dead interval (after asking the {@link MasterWitness}), when the peer resigns, when both are
 * backup and it ranks higher, or, with preempt, when it outranks the master. A master steps down
 * when it sees a higher-ranked master.
 *
 * <p>One thread ({@code zengate-pair}) owns all election state: it waits on the heartbeat socket
 * with a timeout, handles every queued datagram, then checks its timers. Datagrams that arrived
 * while the thread was not running (a GC pause, a stopped process) are therefore read before the
 * peer is judged silent.
 */
public final class PairElection implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger("dev.zengate.gateway.pair");
  private static final int RESIGN_REPEATS = 3;
  private static final long IGNORED_LOG_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final PairSettings settings;
  private final MasterWitness witness;
  private final RoleObserver observer;
  private final AdvertCodec codec;
  private final long incarnation = new SecureRandom().nextLong();
  private final long advertNanos;
  private final long deadNanos;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final ExecutorService witnessCalls;
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Map<IgnoreReason, Long> ignoredLoggedAt = new EnumMap<>(IgnoreReason.class);

  private HeartbeatSocket socket;
  private Thread thread;
  private volatile boolean running;

  // Owned by the election thread; volatile where status() reads them.
  private volatile PairRole role = PairRole.INIT;
  private volatile Instant roleSince = Instant.now();
  private volatile PeerView peer;
  private volatile Transition lastTransition;
  private long sequence;
  private long backupSinceNanos;
  private long peerIncarnation;
  private long peerSequence;
  private boolean witnessPending;
  private long nextWitnessNanos;
  private boolean tieBreakMismatchLogged;

  public PairElection(PairSettings settings, MasterWitness witness, RoleObserver observer) {
    this.settings = settings;
    this.witness = witness;
    this.observer = observer;
    this.codec = new AdvertCodec(settings.pairId(), settings.secret());
    this.advertNanos = settings.advertInterval().toNanos();
    this.deadNanos = settings.deadInterval().toNanos();
    this.witnessCalls =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "zengate-pair-witness");
              t.setDaemon(true);
              return t;
            });
  }

  /** Binds the heartbeat socket and starts the election as backup. */
  public synchronized void start() throws IOException {
    if (thread != null) {
      throw new IllegalStateException("already started");
    }
    socket = new HeartbeatSocket(settings.listen());
    running = true;
    thread = new Thread(this::run, "zengate-pair");
    thread.setDaemon(true);
    thread.start();
  }

  public PairSettings settings() {
    return settings;
  }

  public PairRole role() {
    return role;
  }

  public Instant roleSince() {
    return roleSince;
  }

  /** The peer as last heard, if it ever was. */
  public Optional<PeerView> peer() {
    return Optional.ofNullable(peer);
  }

  public Optional<Transition> lastTransition() {
    return Optional.ofNullable(lastTransition);
  }

  public String witnessName() {
    return witness.describe();
  }

  /**
   * Resigns (a master's backup takes over at once, as with a VRRP priority-0 advertisement), moves
   * to INIT and stops. Waits up to one second for the election thread.
   */
  @Override
  public void close() {
    boolean started;
    synchronized (this) {
      started = thread != null;
    }
    if (started && running) {
      submit(this::resignAndStop);
      try {
        if (!finished.await(1, TimeUnit.SECONDS)) {
          running = false;
          socket.wakeup();
          finished.await(1, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    witnessCalls.shutdownNow();
  }

  private void submit(Runnable task) {
    tasks.add(task);
    socket.wakeup();
  }

  private void run() {
    try {
      transition(PairRole.BACKUP, TransitionCause.STARTUP, "");
      long nextAdvert = System.nanoTime();
      while (running) {
        long now = System.nanoTime();
        if (now - nextAdvert >= 0) {
          send(settings.priority());
          nextAdvert = now + advertNanos;
        }
        checkPeerSilence(now);
        // Wake for the next advertisement, or exactly when the peer's silence becomes too long.
        long waitNanos = nextAdvert - now;
        if (role == PairRole.BACKUP && !witnessPending) {
          long deadline = Math.max(nextWitnessNanos - now, deadNanos - silentNanos(now));
          waitNanos = Math.min(waitNanos, deadline);
        }
        socket.await(ceilMillis(waitNanos));
        Runnable task;
        while ((task = tasks.poll()) != null) {
          task.run();
        }
        HeartbeatSocket.Received datagram;
        while (running && (datagram = socket.receive()) != null) {
          onDatagram(datagram);
        }
      }
    } catch (IOException | RuntimeException e) {
      if (running) {
        LOG.error("pair_election_failed pair={} error={}", settings.pairId(), e.toString(), e);
        // Without an election this node must not go on serving as master: its peer will take
        // over when the advertisements stop.
        transition(PairRole.INIT, TransitionCause.SHUTDOWN, "error=election_failed");
      }
    } finally {
      running = false;
      try {
        socket.close();
      } catch (IOException e) {
        LOG.debug("closing the heartbeat socket: {}", e.toString());
      }
      finished.countDown();
    }
  }

  private static long ceilMillis(long nanos) {
    return Math.max(1, (nanos + 999_999) / 1_000_000);
  }

  private void resignAndStop() {
    for (int i = 0; i < RESIGN_REPEATS; i++) {
      send(Advert.RESIGN_PRIORITY);
    }
    transition(PairRole.INIT, TransitionCause.SHUTDOWN, "");
    running = false;
  }

  private void send(int priority) {
    Advert advert =
        new Advert(
            settings.pairId(),
            settings.node(),
            priority,
            role,
            settings.tieBreak() == PairTieBreak.NAME,
            incarnation,
            sequence = Math.max(sequence + 1, Advert.nowMicros()));
    try {
      socket.send(codec.encode(advert), settings.peer());
    } catch (IOException e) {
      // The peer's host may be unreachable right now; the next advertisement tries again.
      LOG.debug("advertisement not sent: {}", e.toString());
    }
  }

  private void onDatagram(HeartbeatSocket.Received datagram) {
    long now = System.nanoTime();
    Advert advert;
    try {
      if (!datagram.source().equals(settings.peer())) {
        throw new AdvertCodec.Ignored(
            IgnoreReason.UNEXPECTED_SOURCE, "expected " + settings.peer());
      }
      advert = codec.decode(datagram.data(), datagram.length());
      // Across incarnations too: adverts recorded from an earlier run of the peer have lower
      // sequences than any it sent since, so two recordings cannot alternate forever.
      if (advert.sequence() <= peerSequence) {
        throw new AdvertCodec.Ignored(
            IgnoreReason.STALE_SEQUENCE, "sequence " + advert.sequence() + " <= " + peerSequence);
      }
      // After this node restarts it remembers nothing: only recent adverts count then.
      if (Math.abs(advert.sequence() - Advert.nowMicros()) > Advert.MAX_SKEW_MICROS) {
        throw new AdvertCodec.Ignored(
            IgnoreReason.NOT_FRESH,
            "sequence " + advert.sequence() + " is more than 60 s from this node's clock");
      }
    } catch (AdvertCodec.Ignored ignored) {
      ignored(ignored.reason(), datagram.source(), ignored.getMessage(), now);
      return;
    }
    peerIncarnation = advert.incarnation();
    peerSequence = advert.sequence();
    int priority = advert.resigning() && peer != null ? peer.priority() : advert.priority();
    peer =
        new PeerView(
            advert.node(),
            datagram.source(),
            priority,
            advert.role(),
            now,
            Instant.now(),
            advert.resigning());
    if (advert.resigning()) {
      if (role == PairRole.BACKUP) {
        transition(PairRole.MASTER, TransitionCause.PEER_RESIGNED, "");
      }
      return;
    }
    boolean higher = outranksPeer(advert, datagram.source());
    if (role == PairRole.BACKUP) {
      if (advert.role() == PairRole.MASTER) {
        if (settings.preempt() && higher) {
          transition(PairRole.MASTER, TransitionCause.PREEMPT, "");
        }
      } else if (higher) {
        transition(PairRole.MASTER, TransitionCause.ELECTED, "");
      }
    } else if (role == PairRole.MASTER && advert.role() == PairRole.MASTER && !higher) {
      transition(PairRole.BACKUP, TransitionCause.HIGHER_PRIORITY_PEER, "");
    }
  }

  private boolean outranksPeer(Advert advert, InetSocketAddress source) {
    boolean byName = settings.tieBreak() == PairTieBreak.NAME;
    if (advert.tieBreakByName() != byName) {
      // Members that disagree on the tie-break would both win it: fall back to addresses.
      if (!tieBreakMismatchLogged) {
        LOG.warn(
            "pair_tie_break_mismatch pair={} peer={} using=address", settings.pairId(), source);
        tieBreakMismatchLogged = true;
      }
      byName = false;
    }
    return Ranking.outranks(
        new Ranking.Member(settings.priority(), settings.node(), settings.listen()),
        new Ranking.Member(advert.priority(), advert.node(), source),
        byName);
  }

  private void checkPeerSilence(long now) {
    if (role != PairRole.BACKUP || witnessPending || now - nextWitnessNanos < 0) {
      return;
    }
    long silent = silentNanos(now);
    if (silent < deadNanos) {
      return;
    }
    witnessPending = true;
    PeerView known = peer;
    MasterWitness.Query query =
        new MasterWitness.Query(
            settings.pairId(),
            settings.node(),
            known == null ? null : known.name(),
            Duration.ofNanos(silent),
            settings.deadInterval());
    CompletableFuture.supplyAsync(() -> witness.mayBecomeMaster(query), witnessCalls)
        .completeOnTimeout(Optional.empty(), deadNanos, TimeUnit.NANOSECONDS)
        .exceptionally(
            e -> {
              LOG.warn("pair_witness_failed witness={} error={}", witness.describe(), e.toString());
              return Optional.empty();
            })
        .thenAccept(answer -> submit(() -> onWitnessAnswer(answer)));
  }

  private long silentNanos(long now) {
    PeerView known = peer;
    long heard = known == null ? backupSinceNanos : known.lastSeenNanos();
    if (heard - backupSinceNanos < 0) {
      heard = backupSinceNanos;
    }
    return now - heard;
  }

  private void onWitnessAnswer(Optional<Boolean> answer) {
    witnessPending = false;
    long now = System.nanoTime();
    long silent = silentNanos(now);
    if (role != PairRole.BACKUP || silent < deadNanos) {
      return; // the peer spoke, or something else decided, while the witness was asked
    }
    String silentMs = "silent_ms=" + TimeUnit.NANOSECONDS.toMillis(silent);
    if (answer.isEmpty()) {
      transition(PairRole.MASTER, TransitionCause.PEER_SILENT, silentMs);
    } else if (answer.get()) {
      transition(PairRole.MASTER, TransitionCause.PEER_SILENT, silentMs + " witness=agreed");
    } else {
      LOG.info(
          "pair_witness_refused pair={} node={} witness={} {}",
          settings.pairId(),
          settings.node(),
          witness.describe(),
          silentMs);
      nextWitnessNanos = now + advertNanos;
    }
  }

  private void transition(PairRole to, TransitionCause cause, String detail) {
    PairRole from = role;
    long now = System.nanoTime();
    role = to;
    roleSince = Instant.now();
    if (to == PairRole.BACKUP) {
      backupSinceNanos = now;
      nextWitnessNanos = now;
    }
    PeerView known = peer;
    Transition transition = new Transition(from, to, cause, roleSince, detail, known);
    lastTransition = transition;
    LOG.info(
        "pair_transition pair={} node={} from={} to={} cause={}{} priority={} peer={} peer_role={}"
            + " peer_priority={} peer_last_seen_ms={}",
        settings.pairId(),
        settings.node(),
        from.label(),
        to.label(),
        cause.label(),
        detail.isEmpty() ? "" : " " + detail,
        settings.priority(),
        known == null ? "-" : known.name(),
        known == null ? "-" : known.resigned() ? "resigned" : known.role().label(),
        known == null ? "-" : known.priority(),
        known == null ? "-" : TimeUnit.NANOSECONDS.toMillis(now - known.lastSeenNanos()));
    try {
      observer.onTransition(transition);
    } catch (RuntimeException e) {
      LOG.warn("pair role observer failed: {}", e.toString(), e);
    }
    if (to == PairRole.MASTER) {
      send(settings.priority()); // tell the peer at once, as VRRP does on becoming master
    }
  }

  private void ignored(IgnoreReason reason, InetSocketAddress source, String detail, long now) {
    observer.onIgnored(reason.label());
    Long last = ignoredLoggedAt.get(reason);
    if (last == null || now - last >= IGNORED_LOG_EVERY_NANOS) {
      ignoredLoggedAt.put(reason, now);
      LOG.warn(
          "pair_advert_ignored pair={} reason={} source={} detail=\"{}\" (logged once a minute per"
              + " reason; see zengate_pair_adverts_ignored_total)",
          settings.pairId(),
          reason.label(),
          source,
          detail);
    }
  }
}
