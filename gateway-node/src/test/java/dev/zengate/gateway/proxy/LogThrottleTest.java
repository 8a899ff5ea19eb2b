package dev.zengate.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LogThrottleTest {

  private final AtomicLong now = new AtomicLong(1_000);
  private final LogThrottle throttle = new LogThrottle(100, now::get);

  @Test
  void theFirstOccurrenceIsLogged() {
    assertEquals(0, throttle.occurred());
  }

  @Test
  void occurrencesWithinTheIntervalAreCountedNotLogged() {
    throttle.occurred();
    for (int i = 0; i < 1_000; i++) {
      now.addAndGet(0);
      assertEquals(-1, throttle.occurred());
    }
    now.addAndGet(100);
    assertEquals(1_000, throttle.occurred(), "the next line says how many were left out");
    assertEquals(-1, throttle.occurred());
  }
}
