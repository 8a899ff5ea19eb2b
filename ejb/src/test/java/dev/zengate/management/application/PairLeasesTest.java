package dev.zengate.management.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class PairLeasesTest {

  private final ConcurrentHashMap<String, String> map = new ConcurrentHashMap<>();
  private final AtomicLong now = new AtomicLong(1_700_000_000_999L); // just before a whole second
  private final PairLeases leases = new PairLeases(map, now::get, 600);

  @Test
  void aLeaseLivesItsWholeTimeWhereverInTheSecondItWasRenewed() {
    assertTrue(leases.hold("7", "gw-a"));
    now.addAndGet(599); // crosses a whole second: a TTL of whole seconds had ended it already
    assertEquals("gw-a", leases.holder("7"));
    assertFalse(leases.hold("7", "gw-b"), "the master's lease is live: refused");
    now.addAndGet(1);
    assertNull(leases.holder("7"));
    assertTrue(leases.hold("7", "gw-b"), "expired: the partner may take it");
    assertFalse(leases.hold("7", "gw-a"), "and the old master cannot renew it away");
  }

  @Test
  void theHolderRenewsItsOwnLease() {
    assertTrue(leases.hold("7", "gw-a"));
    for (int i = 0; i < 10; i++) {
      now.addAndGet(150);
      assertTrue(leases.hold("7", "gw-a"));
      assertFalse(leases.hold("7", "gw-b"));
    }
    assertEquals("gw-a", leases.holder("7"));
  }

  @Test
  void pairsHaveLeasesOfTheirOwn() {
    assertTrue(leases.hold("7", "gw-a"));
    assertTrue(leases.hold("8", "gw-b"));
    assertEquals("gw-a", leases.holder("7"));
  }

  @Test
  void anEntryOfAnotherFormatCountsAsFree() {
    map.put("7", "gw-a");
    assertNull(leases.holder("7"));
    assertTrue(leases.hold("7", "gw-b"));
    assertEquals("gw-b", leases.holder("7"));
  }

  @Test
  void twoNodesRacingForAFreeLeaseGetOneWinner() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 500; round++) {
        String pair = Integer.toString(round);
        CountDownLatch start = new CountDownLatch(1);
        Future<Boolean> a = pool.submit(() -> afterStart(start, () -> leases.hold(pair, "gw-a")));
        Future<Boolean> b = pool.submit(() -> afterStart(start, () -> leases.hold(pair, "gw-b")));
        start.countDown();
        assertTrue(a.get() ^ b.get(), "exactly one holds pair " + pair);
        assertEquals(a.get() ? "gw-a" : "gw-b", leases.holder(pair));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static boolean afterStart(CountDownLatch start, BooleanSupplier action)
      throws InterruptedException {
    start.await();
    return action.getAsBoolean();
  }
}
