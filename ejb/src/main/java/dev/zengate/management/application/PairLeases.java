package dev.zengate.management.application;

import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * The pairs' master leases in a shared map (the grid's): pair key to {@code "<expires at, epoch ms>
 * <holder>"}. The expiry travels in the value and is compared with the cluster's clock, because the
 * grid's own time-to-live has a resolution of whole seconds: Hazelcast 5 keeps an entry's
 * expiration time truncated to the second, so an entry put with a 600 ms TTL lived anywhere from 0
 * to 600 ms, depending on where in the second it was put (measured: 0-1 ms for about 40% of puts).
 * Entries therefore carry no TTL; one stays per pair, and an expired one counts as free.
 *
 * <p>Every change is a compare-and-set ({@code putIfAbsent}, {@code replace(key, old, new)}), so
 * two nodes racing for a free lease get one winner, and a renewal never overwrites a lease that the
 * partner took between reading and writing.
 */
final class PairLeases {

  private static final int ATTEMPTS = 8;

  private final ConcurrentMap<String, String> leases;
  private final LongSupplier clock;
  private final long leaseMillis;

  /**
   * @param leases the shared map (an IMap: its putIfAbsent and replace are atomic cluster-wide)
   * @param clock the time every member agrees on, epoch milliseconds
   */
  PairLeases(ConcurrentMap<String, String> leases, LongSupplier clock, long leaseMillis) {
    this.leases = leases;
    this.clock = clock;
    this.leaseMillis = leaseMillis;
  }

  /**
   * Gives {@code node} the pair's lease for {@code leaseMillis} from now, unless a live lease names
   * another node; returns whether {@code node} holds the lease now.
   */
  boolean hold(String pairKey, String node) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      String current = leases.get(pairKey);
      long now = clock.getAsLong();
      String holder = holder(current, now);
      if (holder != null && !holder.equals(node)) {
        return false;
      }
      String next = (now + leaseMillis) + " " + node;
      boolean written =
          current == null
              ? leases.putIfAbsent(pairKey, next) == null
              : leases.replace(pairKey, current, next);
      if (written) {
        return true;
      }
      // Changed since read (the partner, or this node's own renewal): decide again.
    }
    return false;
  }

  /** The node holding the pair's lease at {@code now}; null when free. */
  String holder(String pairKey) {
    return holder(leases.get(pairKey), clock.getAsLong());
  }

  private static String holder(String value, long now) {
    if (value == null) {
      return null;
    }
    int space = value.indexOf(' ');
    try {
      long expiresAt = space > 0 ? Long.parseLong(value.substring(0, space)) : Long.MIN_VALUE;
      return expiresAt > now ? value.substring(space + 1) : null;
    } catch (NumberFormatException notALease) {
      return null; // an entry of an older member (a name under the grid's TTL): treat as expired
    }
  }
}
