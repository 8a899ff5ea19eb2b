package dev.zengate.bundle.watch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The warning schedules of manual §2.4 and seed 001, as pure logic on an injectable clock.
 *
 * <ul>
 *   <li>Days left are whole days, rounded down: 29 days and 23 hours is 29 days left.
 *   <li>FIXED N: from N days left down to 0, one notification a day (threshold = days left).
 *   <li>GRADUATED: one at 60 days (anywhere in 31-60 days left), one at 30 (16-30), then daily from
 *       15 days; no warning while more than a third of the certificate's lifetime remains (a 90-day
 *       certificate is first warned at 30 days, a 30-day one at 10).
 *   <li>Expired, under either schedule: once a day, thresholds -1, -2, … (days since expiry,
 *       counting the first day as 1).
 * </ul>
 *
 * The caller remembers which thresholds were notified; a threshold is due while it is the current
 * one and not yet notified, so a run missed for a day notifies the day's threshold, not the missed
 * ones.
 */
public final class ExpiryNotificationSchedule {

  private static final long DAY_SECONDS = Duration.ofDays(1).getSeconds();

  /** How far {@link #next} looks: past the longest warning (365 days) plus a margin. */
  private static final int HORIZON_DAYS = 400;

  private final Clock clock;

  public ExpiryNotificationSchedule(Clock clock) {
    this.clock = clock;
  }

  public Instant now() {
    return clock.instant();
  }

  /** Whole days left at {@code time}, rounded down (negative once expired). */
  public static long daysLeft(Instant time, Instant notAfter) {
    return Math.floorDiv(Duration.between(time, notAfter).getSeconds(), DAY_SECONDS);
  }

  /** The threshold current now, if the schedule warns now at all. */
  public Optional<ExpiryThreshold> current(
      WatchPolicy policy, Instant notBefore, Instant notAfter) {
    return at(policy, notBefore, notAfter, now());
  }

  /** The threshold current at {@code time}. */
  public static Optional<ExpiryThreshold> at(
      WatchPolicy policy, Instant notBefore, Instant notAfter, Instant time) {
    long left = daysLeft(time, notAfter);
    if (left < 0) {
      return Optional.of(new ExpiryThreshold((int) Math.max(left, Integer.MIN_VALUE), left));
    }
    if (policy.schedule() == ExpirySchedule.FIXED) {
      return left <= policy.warningDays()
          ? Optional.of(new ExpiryThreshold((int) left, left))
          : Optional.empty();
    }
    Duration remaining = Duration.between(time, notAfter);
    Duration lifetime = Duration.between(notBefore, notAfter);
    if (remaining.multipliedBy(3).compareTo(lifetime) > 0) {
      return Optional.empty();
    }
    if (left <= 15) {
      return Optional.of(new ExpiryThreshold((int) left, left));
    }
    if (left <= 30) {
      return Optional.of(new ExpiryThreshold(30, left));
    }
    if (left <= 60) {
      return Optional.of(new ExpiryThreshold(60, left));
    }
    return Optional.empty();
  }

  /** The threshold due now: current and not yet notified. */
  public Optional<ExpiryThreshold> due(
      WatchPolicy policy, Instant notBefore, Instant notAfter, Set<Integer> notified) {
    return current(policy, notBefore, notAfter).filter(t -> !notified.contains(t.days()));
  }

  /** The next notification: from when, and which threshold. */
  public record Upcoming(Instant from, ExpiryThreshold threshold) {}

  /**
   * The first notification from now on that has not been sent ({@code notified} holds the
   * thresholds already notified): now, when one is due, else at the next instant the schedule
   * changes to an unnotified threshold. The watch runs every few minutes, so it goes out in the
   * first run after {@code from}.
   */
  public Optional<Upcoming> next(
      WatchPolicy policy, Instant notBefore, Instant notAfter, Set<Integer> notified) {
    Instant now = now();
    TreeSet<Instant> candidates = new TreeSet<>();
    candidates.add(now);
    // The lifetime rule's instant: a third of the lifetime left.
    Instant third = notAfter.minus(Duration.between(notBefore, notAfter).dividedBy(3));
    if (third.isAfter(now)) {
      candidates.add(third);
    }
    // Where the days-left count steps down: just after notAfter - m days.
    long start = Math.min(daysLeft(now, notAfter), 366);
    for (long m = start; m > start - HORIZON_DAYS; m--) {
      Instant step = notAfter.minus(Duration.ofDays(m)).plusSeconds(1);
      if (step.isAfter(now)) {
        candidates.add(step);
      }
    }
    for (Instant candidate : candidates) {
      Optional<ExpiryThreshold> threshold = at(policy, notBefore, notAfter, candidate);
      if (threshold.isPresent() && !notified.contains(threshold.get().days())) {
        return Optional.of(new Upcoming(candidate, threshold.get()));
      }
    }
    return Optional.empty();
  }
}
