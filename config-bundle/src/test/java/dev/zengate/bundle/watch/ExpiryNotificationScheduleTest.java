package dev.zengate.bundle.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The two schedules over two simulated days, with a run every five minutes at the start of each
 * day, on certificates expiring in 100, 59, 29, 14 and 1 days and one expired two hours ago (all
 * issued a year ago, plus a short-lived one): each threshold is notified exactly once.
 */
class ExpiryNotificationScheduleTest {

  private static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");
  private static final Instant ISSUED = T0.minus(Duration.ofDays(365));

  private static final Map<String, Instant> NOT_AFTER = new LinkedHashMap<>();

  static {
    for (int days : new int[] {100, 59, 29, 14, 1}) {
      NOT_AFTER.put(days + "d", T0.plus(Duration.ofDays(days)).plus(Duration.ofHours(1)));
    }
    NOT_AFTER.put("expired", T0.minus(Duration.ofHours(2)));
  }

  /** A clock the test moves. */
  static final class MovableClock extends Clock {
    Instant now = T0;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final MovableClock clock = new MovableClock();
  private final ExpiryNotificationSchedule schedule = new ExpiryNotificationSchedule(clock);
  private final Map<String, Set<Integer>> notified = new HashMap<>();

  /** One watch run: what it notifies, as "certificate:threshold", and remembers it. */
  private List<String> run(WatchPolicy policy, Instant at) {
    clock.now = at;
    List<String> sent = new ArrayList<>();
    NOT_AFTER.forEach(
        (name, notAfter) -> {
          Set<Integer> done = notified.computeIfAbsent(name, n -> new HashSet<>());
          schedule
              .due(policy, ISSUED, notAfter, done)
              .ifPresent(
                  t -> {
                    done.add(t.days());
                    sent.add(name + ":" + t.days());
                  });
        });
    return sent;
  }

  private List<List<String>> twoDays(WatchPolicy policy) {
    Instant day2 = T0.plus(Duration.ofDays(1));
    return List.of(
        run(policy, T0),
        run(policy, T0.plus(Duration.ofMinutes(5))),
        run(policy, T0.plus(Duration.ofMinutes(10))),
        run(policy, day2),
        run(policy, day2.plus(Duration.ofMinutes(5))));
  }

  @Test
  void fixedThirtyDaysWarnsFromThirtyDaysThenDailyAndReportsExpiredDaily() {
    assertEquals(
        List.of(
            List.of("29d:29", "14d:14", "1d:1", "expired:-1"),
            List.of(),
            List.of(),
            List.of("29d:28", "14d:13", "1d:0", "expired:-2"),
            List.of()),
        twoDays(new WatchPolicy(ExpirySchedule.FIXED, 30)));
  }

  @Test
  void fixedWithAnotherNumberOfDays() {
    assertEquals(
        List.of(
            List.of("100d:100", "59d:59", "29d:29", "14d:14", "1d:1", "expired:-1"),
            List.of(),
            List.of(),
            List.of("100d:99", "59d:58", "29d:28", "14d:13", "1d:0", "expired:-2"),
            List.of()),
        twoDays(new WatchPolicy(ExpirySchedule.FIXED, 100)));
  }

  @Test
  void fixedOneDayOnlyWarnsOnTheLastTwoDays() {
    assertEquals(
        List.of(
            List.of("1d:1", "expired:-1"),
            List.of(),
            List.of(),
            List.of("1d:0", "expired:-2"),
            List.of()),
        twoDays(new WatchPolicy(ExpirySchedule.FIXED, 1)));
  }

  @Test
  void graduatedWarnsAtSixtyAndThirtyOnceThenDailyFromFifteen() {
    assertEquals(
        List.of(
            List.of("59d:60", "29d:30", "14d:14", "1d:1", "expired:-1"),
            List.of(),
            List.of(),
            List.of("14d:13", "1d:0", "expired:-2"),
            List.of()),
        twoDays(new WatchPolicy(ExpirySchedule.GRADUATED, 30)));
  }

  @Test
  void graduatedStepsAreSixtyThirtyThenEachDayFromFifteen() {
    Instant notAfter = T0.plus(Duration.ofDays(70)).plus(Duration.ofHours(1));
    WatchPolicy graduated = new WatchPolicy(ExpirySchedule.GRADUATED, 30);
    Set<Integer> done = new HashSet<>();
    List<Integer> sent = new ArrayList<>();
    for (int day = 0; day <= 72; day++) {
      clock.now = T0.plus(Duration.ofDays(day));
      schedule
          .due(graduated, ISSUED, notAfter, done)
          .ifPresent(
              t -> {
                done.add(t.days());
                sent.add(t.days());
              });
    }
    List<Integer> expected = new ArrayList<>(List.of(60, 30));
    for (int d = 15; d >= 0; d--) {
      expected.add(d);
    }
    expected.addAll(List.of(-1, -2));
    assertEquals(expected, sent);
  }

  @Test
  void graduatedWaitsForAThirdOfAShortLifetime() {
    // A 30-day certificate issued 10 days ago: 20 days left is more than a third (10 days).
    Instant notBefore = T0.minus(Duration.ofDays(10));
    Instant notAfter = T0.plus(Duration.ofDays(20));
    WatchPolicy graduated = new WatchPolicy(ExpirySchedule.GRADUATED, 30);
    assertEquals(Optional.empty(), schedule.current(graduated, notBefore, notAfter));
    Optional<ExpiryNotificationSchedule.Upcoming> next =
        schedule.next(graduated, notBefore, notAfter, Set.of());
    assertEquals(notAfter.minus(Duration.ofDays(10)), next.orElseThrow().from());
    assertEquals(10, next.get().threshold().days());
    clock.now = notAfter.minus(Duration.ofDays(10)).minusSeconds(1);
    assertEquals(Optional.empty(), schedule.current(graduated, notBefore, notAfter));
    clock.now = notAfter.minus(Duration.ofDays(10));
    assertEquals(10, schedule.current(graduated, notBefore, notAfter).orElseThrow().days());
    // The fixed schedule ignores the lifetime (the appliance's behaviour).
    clock.now = T0;
    assertEquals(
        20,
        schedule
            .current(new WatchPolicy(ExpirySchedule.FIXED, 30), notBefore, notAfter)
            .orElseThrow()
            .days());
  }

  @Test
  void nextNotificationOfEachCertificate() {
    WatchPolicy fixed = new WatchPolicy(ExpirySchedule.FIXED, 30);
    Instant in100 = NOT_AFTER.get("100d");
    var next = schedule.next(fixed, ISSUED, in100, Set.of()).orElseThrow();
    // 30 whole days left from just after notAfter - 31 days.
    assertEquals(in100.minus(Duration.ofDays(31)).plusSeconds(1), next.from());
    assertEquals(30, next.threshold().days());
    assertEquals(30, ExpiryNotificationSchedule.daysLeft(next.from(), in100));
    assertEquals(31, ExpiryNotificationSchedule.daysLeft(next.from().minusSeconds(1), in100));

    Instant in29 = NOT_AFTER.get("29d");
    assertEquals(T0, schedule.next(fixed, ISSUED, in29, Set.of()).orElseThrow().from());
    var tomorrow = schedule.next(fixed, ISSUED, in29, Set.of(29)).orElseThrow();
    assertEquals(28, tomorrow.threshold().days());
    assertEquals(in29.minus(Duration.ofDays(29)).plusSeconds(1), tomorrow.from());

    WatchPolicy graduated = new WatchPolicy(ExpirySchedule.GRADUATED, 30);
    Instant in59 = NOT_AFTER.get("59d");
    var afterSixty = schedule.next(graduated, ISSUED, in59, Set.of(60)).orElseThrow();
    assertEquals(30, afterSixty.threshold().days());
    assertEquals(in59.minus(Duration.ofDays(31)).plusSeconds(1), afterSixty.from());

    Instant expired = NOT_AFTER.get("expired");
    var again = schedule.next(fixed, ISSUED, expired, Set.of(-1)).orElseThrow();
    assertEquals(-2, again.threshold().days());
    assertEquals(expired.plus(Duration.ofDays(1)).plusSeconds(1), again.from());

    // A certificate valid for ten more years: its first warning, years ahead.
    Instant far = T0.plus(Duration.ofDays(3650));
    assertEquals(
        far.minus(Duration.ofDays(31)).plusSeconds(1),
        schedule.next(fixed, ISSUED, far, Set.of()).orElseThrow().from());
    // Every threshold notified (none left in the horizon): nothing.
    Set<Integer> all = new HashSet<>();
    for (int d = -400; d <= 366; d++) {
      all.add(d);
    }
    assertTrue(schedule.next(fixed, ISSUED, in29, all).isEmpty());
  }

  @Test
  void labelsAndDaysLeftRoundDown() {
    assertEquals("1 day", new ExpiryThreshold(1, 1).label());
    assertEquals("60 days", new ExpiryThreshold(60, 59).label());
    assertEquals("expired (day 2)", new ExpiryThreshold(-2, -2).label());
    Instant notAfter = T0.plus(Duration.ofDays(29)).plus(Duration.ofHours(23));
    assertEquals(29, ExpiryNotificationSchedule.daysLeft(T0, notAfter));
    assertEquals(-1, ExpiryNotificationSchedule.daysLeft(T0, T0.minusSeconds(1)));
    assertEquals(0, ExpiryNotificationSchedule.daysLeft(T0, T0));
  }

  @Test
  void policyBoundsAreThoseOfTheManual() {
    assertThrows(IllegalArgumentException.class, () -> new WatchPolicy(ExpirySchedule.FIXED, 0));
    assertThrows(IllegalArgumentException.class, () -> new WatchPolicy(ExpirySchedule.FIXED, 366));
    assertThrows(IllegalArgumentException.class, () -> new WatchPolicy(null, 30));
    new WatchPolicy(ExpirySchedule.FIXED, 365);
  }
}
