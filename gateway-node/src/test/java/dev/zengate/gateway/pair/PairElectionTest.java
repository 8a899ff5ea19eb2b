package dev.zengate.gateway.pair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.gateway.config.PairHooks;
import dev.zengate.gateway.config.PairTieBreak;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two elections in one JVM, heartbeating over real UDP sockets on 127.0.0.1. Where a peer must
 * misbehave (die without resigning, speak for another pair, forge), the test plays it with a plain
 * DatagramSocket on the peer's address. Intervals are generous so a loaded machine does not flake.
 */
class PairElectionTest {

  static final Duration ADVERT = Duration.ofMillis(100);
  static final Duration DEAD = Duration.ofMillis(1000);
  static final byte[] SECRET = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);

  final List<AutoCloseable> started = new ArrayList<>();

  /** An election with the transitions and ignored datagrams it reported. */
  static final class Member implements RoleObserver {
    final List<Transition> transitions = new CopyOnWriteArrayList<>();
    final List<String> ignored = new CopyOnWriteArrayList<>();
    PairElection election;

    @Override
    public void onTransition(Transition transition) {
      transitions.add(transition);
    }

    @Override
    public void onIgnored(String reason) {
      ignored.add(reason);
    }

    /** The role as last reported to the observer (the election's field changes just before). */
    PairRole role() {
      return transitions.isEmpty() ? PairRole.INIT : last().to();
    }

    Transition last() {
      return transitions.get(transitions.size() - 1);
    }
  }

  @AfterEach
  void stopAll() throws Exception {
    for (AutoCloseable c : started) {
      c.close();
    }
  }

  static int udpPort() throws IOException {
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  static PairSettings settings(
      String name, int listen, int peer, int priority, boolean preempt, byte[] secret) {
    return new PairSettings(
        "test-pair",
        name,
        new InetSocketAddress("127.0.0.1", listen),
        new InetSocketAddress("127.0.0.1", peer),
        priority,
        preempt,
        ADVERT,
        DEAD,
        PairTieBreak.ADDRESS,
        secret,
        false,
        PairHooks.NONE);
  }

  Member start(PairSettings settings) throws IOException {
    Member member = new Member();
    member.election = new PairElection(settings, NoWitness.INSTANCE, member);
    member.election.start();
    started.add(member.election);
    return member;
  }

  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(10);
    }
  }

  /** Sends advertisements as a fake peer from {@code socket}. */
  static void advertise(DatagramSocket socket, int to, AdvertCodec codec, Advert advert)
      throws IOException {
    byte[] datagram = codec.encode(advert);
    socket.send(
        new DatagramPacket(datagram, datagram.length, new InetSocketAddress("127.0.0.1", to)));
  }

  @Test
  void higherPriorityBecomesMasterAndLowerStaysBackup() throws Exception {
    int a = udpPort();
    int b = udpPort();
    Member high = start(settings("node-a", a, b, 200, true, null));
    Member low = start(settings("node-b", b, a, 100, true, null));
    await("a master", () -> high.role() == PairRole.MASTER);
    Thread.sleep(DEAD.toMillis() * 2);
    assertEquals(PairRole.MASTER, high.role());
    assertEquals(PairRole.BACKUP, low.role());
    assertTrue(
        low.transitions.stream().noneMatch(t -> t.to() == PairRole.MASTER),
        low.transitions::toString);
    assertEquals("node-b", high.election.peer().orElseThrow().name());
  }

  @Test
  void equalPrioritiesAreDecidedByTheHigherAddress() throws Exception {
    int a = udpPort();
    int b = udpPort();
    Member one = start(settings("node-a", a, b, 100, true, null));
    Member two = start(settings("node-b", b, a, 100, true, null));
    Member expected = a > b ? one : two;
    Member other = a > b ? two : one;
    await("one master", () -> expected.role() == PairRole.MASTER);
    Thread.sleep(DEAD.toMillis() * 2);
    assertEquals(PairRole.MASTER, expected.role());
    assertEquals(PairRole.BACKUP, other.role());
  }

  @Test
  void withoutPreemptAReturningHigherPriorityNodeStaysBackup() throws Exception {
    int a = udpPort();
    int b = udpPort();
    Member low = start(settings("node-b", b, a, 100, false, null));
    await("b master alone", () -> low.role() == PairRole.MASTER);
    assertEquals(TransitionCause.PEER_SILENT, low.last().cause());

    Member high = start(settings("node-a", a, b, 200, false, null));
    await("a heard b", () -> high.election.peer().isPresent());
    Thread.sleep(DEAD.toMillis() * 3);
    assertEquals(PairRole.BACKUP, high.role(), high.transitions::toString);
    assertEquals(PairRole.MASTER, low.role());
  }

  @Test
  void withPreemptAReturningHigherPriorityNodeTakesOver() throws Exception {
    int a = udpPort();
    int b = udpPort();
    Member low = start(settings("node-b", b, a, 100, true, null));
    await("b master alone", () -> low.role() == PairRole.MASTER);

    Member high = start(settings("node-a", a, b, 200, true, null));
    await("a master", () -> high.role() == PairRole.MASTER);
    await("b backup", () -> low.role() == PairRole.BACKUP);
    assertEquals(TransitionCause.PREEMPT, high.last().cause());
    assertEquals(TransitionCause.HIGHER_PRIORITY_PEER, low.last().cause());
  }

  @Test
  void aCleanlyStoppedMasterHandsOverWithoutWaitingForTheDeadInterval() throws Exception {
    int a = udpPort();
    int b = udpPort();
    PairSettings slow = settings("node-b", b, a, 100, true, SECRET);
    // A dead interval far longer than the test waits: only the resignation can explain a takeover.
    PairSettings backupSettings =
        new PairSettings(
            slow.pairId(),
            slow.node(),
            slow.listen(),
            slow.peer(),
            slow.priority(),
            slow.preempt(),
            ADVERT,
            Duration.ofSeconds(60),
            slow.tieBreak(),
            SECRET,
            false,
            PairHooks.NONE);
    Member master = start(settings("node-a", a, b, 200, true, SECRET));
    Member backup = start(backupSettings);
    await("a master", () -> master.role() == PairRole.MASTER);
    await("b heard a", () -> backup.election.peer().isPresent());

    long stopped = System.nanoTime();
    master.election.close();
    await("b master", () -> backup.role() == PairRole.MASTER);
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped);
    assertEquals(TransitionCause.PEER_RESIGNED, backup.last().cause());
    assertEquals(TransitionCause.SHUTDOWN, master.last().cause());
    assertEquals(PairRole.INIT, master.role());
    assertTrue(tookMillis < 10_000, "took " + tookMillis + " ms");
    assertEquals("resigned", backup.election.peer().map(p -> p.resigned() ? "resigned" : "").get());
  }

  @Test
  void aSilentMasterIsReplacedAfterTheDeadInterval() throws Exception {
    int fake = udpPort();
    int b = udpPort();
    AdvertCodec codec = new AdvertCodec("test-pair", SECRET);
    try (DatagramSocket peer = new DatagramSocket(new InetSocketAddress("127.0.0.1", fake))) {
      Member backup = start(settings("node-b", b, fake, 100, true, SECRET));
      long incarnation = 42;
      long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEAD.toMillis() * 3);
      long sequence = Advert.nowMicros();
      while (System.nanoTime() < end) {
        advertise(
            peer,
            b,
            codec,
            new Advert(
                "test-pair", "node-a", 200, PairRole.MASTER, false, incarnation, ++sequence));
        Thread.sleep(ADVERT.toMillis());
      }
      assertEquals(PairRole.BACKUP, backup.role(), backup.transitions::toString);
      long silentSince = System.nanoTime();
      await("b master", () -> backup.role() == PairRole.MASTER);
      long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - silentSince);
      assertEquals(TransitionCause.PEER_SILENT, backup.last().cause());
      assertTrue(backup.last().detail().startsWith("silent_ms="), backup.last().detail());
      assertTrue(tookMillis >= DEAD.toMillis() - 2 * ADVERT.toMillis(), "took " + tookMillis);
      assertTrue(backup.ignored.isEmpty(), backup.ignored::toString);
    }
  }

  @Test
  void advertisementsOfAnotherPairOrWithABadHmacAreIgnored() throws Exception {
    int fake = udpPort();
    int b = udpPort();
    AdvertCodec otherPair = new AdvertCodec("other-pair", SECRET);
    AdvertCodec wrongSecret =
        new AdvertCodec("test-pair", "not the pair secret at all".getBytes(StandardCharsets.UTF_8));
    AdvertCodec unsigned = new AdvertCodec("test-pair", null);
    try (DatagramSocket peer = new DatagramSocket(new InetSocketAddress("127.0.0.1", fake))) {
      Member backup = start(settings("node-b", b, fake, 100, true, SECRET));
      long sequence = Advert.nowMicros();
      long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEAD.toMillis() * 3);
      // A "master" of priority 254 that would keep node-b backup if any of this were believed.
      while (System.nanoTime() < end && backup.role() != PairRole.MASTER) {
        advertise(peer, b, otherPair, forged("test-pair-x", ++sequence));
        advertise(peer, b, wrongSecret, forged("test-pair", ++sequence));
        advertise(peer, b, unsigned, forged("test-pair", ++sequence));
        Thread.sleep(ADVERT.toMillis());
      }
      await("b master despite the forgeries", () -> backup.role() == PairRole.MASTER);
      assertEquals(TransitionCause.PEER_SILENT, backup.last().cause());
      assertTrue(backup.election.peer().isEmpty());
      assertTrue(backup.ignored.contains("other_pair"), backup.ignored::toString);
      assertTrue(backup.ignored.contains("bad_hmac"), backup.ignored::toString);
      assertTrue(backup.ignored.contains("unauthenticated"), backup.ignored::toString);
    }
  }

  @Test
  void advertisementsRecordedFromEarlierRunsOfThePeerAreIgnored() throws Exception {
    int a = udpPort();
    int b = udpPort();
    AdvertCodec codec = new AdvertCodec("test-pair", SECRET);
    try (DatagramSocket peer = new DatagramSocket(new InetSocketAddress("127.0.0.1", a))) {
      Member backup = start(settings("node-b", b, a, 100, true, SECRET));
      long now = Advert.nowMicros();
      // Two earlier runs of node-a, recorded ten and five seconds ago, then its current run.
      byte[] firstRun = codec.encode(master(1, now - 10_000_000));
      byte[] secondRun = codec.encode(master(2, now - 5_000_000));
      peer.send(datagram(codec.encode(master(3, now)), b));
      await("the current run accepted", () -> backup.election.peer().isPresent());
      long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEAD.toMillis() * 3);
      while (System.nanoTime() < end && backup.role() != PairRole.MASTER) {
        peer.send(datagram(firstRun, b));
        peer.send(datagram(secondRun, b));
        Thread.sleep(ADVERT.toMillis());
      }
      await("b master: replays keep nobody alive", () -> backup.role() == PairRole.MASTER);
      assertEquals(TransitionCause.PEER_SILENT, backup.last().cause());
      assertTrue(backup.ignored.contains("stale_sequence"), backup.ignored::toString);

      // And after node-b itself restarts (it remembers nothing): a recording from a minute ago
      // is not fresh.
      Member restarted = start(settings("node-b", udpPort(), a, 100, true, SECRET));
      int port = restarted.election.settings().listen().getPort();
      peer.send(datagram(codec.encode(master(4, now - 90_000_000)), port));
      await("old recording not fresh", () -> restarted.ignored.contains("not_fresh"));
      assertTrue(restarted.election.peer().isEmpty());
    }
  }

  private static Advert master(long incarnation, long sequence) {
    return new Advert("test-pair", "node-a", 200, PairRole.MASTER, false, incarnation, sequence);
  }

  private static java.net.DatagramPacket datagram(byte[] data, int port) {
    return new java.net.DatagramPacket(data, data.length, new InetSocketAddress("127.0.0.1", port));
  }

  @Test
  void datagramsFromAnAddressOtherThanThePeerAreIgnored() throws Exception {
    int a = udpPort();
    int b = udpPort();
    AdvertCodec codec = new AdvertCodec("test-pair", null);
    try (DatagramSocket stranger = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      Member backup = start(settings("node-b", b, a, 100, true, null));
      advertise(stranger, b, codec, forged("test-pair", Advert.nowMicros()));
      await("ignored", () -> backup.ignored.contains("unexpected_source"));
      await("b master", () -> backup.role() == PairRole.MASTER);
    }
  }

  static Advert forged(String pairId, long sequence) {
    return new Advert(pairId, "node-a", 254, PairRole.MASTER, false, 7, sequence);
  }
}
