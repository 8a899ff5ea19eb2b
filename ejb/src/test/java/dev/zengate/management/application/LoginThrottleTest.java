package dev.zengate.management.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private final MovableClock clock = new MovableClock();
  private final LoginThrottle throttle = new LoginThrottle(clock);

  private void fail(String user, String address) {
    assertEquals(0, throttle.admit(user, address));
    throttle.failed(user, address);
  }

  @Test
  void aNameIsThrottledAfterFiveFailuresWithAGrowingWait() {
    for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_USER; i++) {
      fail("alice", "192.0.2." + i);
    }
    long first = throttle.admit("alice", "192.0.2.99");
    assertTrue(first >= 1 && first <= 2, "waits about 1 s: " + first);
    clock.advance(Duration.ofSeconds(2));
    fail("alice", "192.0.2.99");
    long second = throttle.admit("alice", "192.0.2.99");
    assertTrue(second >= 2 && second <= 3, "then about 2 s: " + second);
  }

  @Test
  void attemptsRefusedWhileWaitingDoNotLengthenTheWait() {
    for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_USER; i++) {
      fail("alice", "192.0.2.1");
    }
    for (int i = 0; i < 100; i++) {
      assertTrue(throttle.admit("alice", "192.0.2.1") > 0);
    }
    clock.advance(Duration.ofSeconds(2));
    assertEquals(0, throttle.admit("alice", "192.0.2.1"));
  }

  @Test
  void parallelAttemptsCountBeforeTheirPasswordIsChecked() {
    int admitted = 0;
    for (int i = 0; i < 500; i++) {
      if (throttle.admit("alice", "192.0.2.1") == 0) {
        admitted++;
      }
    }
    assertEquals(LoginThrottle.FREE_FAILURES_PER_USER, admitted);
  }

  @Test
  void aGoodSignInClearsTheNamesFailures() {
    for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_USER - 1; i++) {
      fail("alice", "192.0.2.1");
    }
    assertEquals(0, throttle.admit("alice", "192.0.2.1"));
    throttle.succeeded("alice", "192.0.2.1");
    for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_USER - 1; i++) {
      fail("alice", "192.0.2.1");
    }
    assertEquals(0, throttle.admit("alice", "192.0.2.1"));
  }

  @Test
  void anAddressIsThrottledAcrossNamesAndOtherAddressesAreNot() {
    for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ADDRESS; i++) {
      fail("user" + i, "192.0.2.1");
    }
    assertTrue(throttle.admit("bob", "192.0.2.1") > 0);
    assertEquals(0, throttle.admit("bob", "192.0.2.2"));
  }

  @Test
  void repeatedFailuresAreAuditedOnceThenSummarisedPerWindow() {
    assertEquals(0, throttle.admit("alice", "192.0.2.1"));
    assertTrue(throttle.failed("alice", "192.0.2.1"), "the first failure gets its own row");
    for (int i = 0; i < 30; i++) {
      assertFalse(throttle.refused("alice", "192.0.2.1"));
    }
    assertTrue(throttle.endedWindows().isEmpty(), "the window is still open");
    clock.advance(LoginThrottle.AUDIT_WINDOW);
    List<LoginThrottle.Summary> ended = throttle.endedWindows();
    assertEquals(1, ended.size());
    assertEquals(30, ended.get(0).failures());
    assertEquals("alice", ended.get(0).username());
    assertTrue(throttle.endedWindows().isEmpty(), "summarised once");
  }

  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-12-03T00:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
