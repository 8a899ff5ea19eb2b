package dev.zengate.gateway.proxy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * At most one log line per interval for an event that a client can repeat at will (a flood of
 * connections over a listener's limit must not flood the log); the line that is written says how
 * many were left out since the previous one. Thread-safe: the event loops of a listener share one.
 */
final class LogThrottle {

  static final long DEFAULT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final long intervalNanos;
  private final LongSupplier nanoClock;
  private final AtomicLong nextLine;
  private final AtomicLong suppressed = new AtomicLong();

  LogThrottle() {
    this(DEFAULT_INTERVAL_NANOS, System::nanoTime);
  }

  LogThrottle(long intervalNanos, LongSupplier nanoClock) {
    this.intervalNanos = intervalNanos;
    this.nanoClock = nanoClock;
    this.nextLine = new AtomicLong(nanoClock.getAsLong());
  }

  /**
   * Records one occurrence.
   *
   * @return -1 when no line should be written now, else how many occurrences went unlogged since
   *     the last line
   */
  long occurred() {
    long now = nanoClock.getAsLong();
    long next = nextLine.get();
    if (now - next >= 0 && nextLine.compareAndSet(next, now + intervalNanos)) {
      return suppressed.getAndSet(0);
    }
    suppressed.incrementAndGet();
    return -1;
  }
}
