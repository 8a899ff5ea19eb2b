package dev.zengate.gateway.managed;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Polls a condition until it holds; generous timeouts, for a loaded two-core machine. */
final class Await {

  static final Duration LONG = Duration.ofSeconds(60);

  private Await() {}

  static void until(String what, Callable<Boolean> condition) throws Exception {
    until(what, LONG, condition);
  }

  static void until(String what, Duration timeout, Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    Throwable last = null;
    while (System.nanoTime() < deadline) {
      try {
        if (Boolean.TRUE.equals(condition.call())) {
          return;
        }
        last = null;
      } catch (Exception | AssertionError e) {
        last = e;
      }
      Thread.sleep(5);
    }
    throw new AssertionError("timed out after " + timeout + " waiting for " + what, last);
  }
}
