package dev.zengate.management.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins per user name and per source address, with exponential backoff: after {@link
 * #FREE_FAILURES_PER_USER} failures for a name (or {@link #FREE_FAILURES_PER_ADDRESS} from an
 * address) each further attempt must wait 1, 2, 4 … s (at most {@link #MAX_BACKOFF}) and is refused
 * without checking the password meanwhile, so guessing costs the attacker time and the server no
 * Argon2id work. Also decides which failures are audited one by one and which are summarised: the
 * first of a name and address in each {@link #AUDIT_WINDOW}, then one row with the count. Kept in
 * memory per cluster member (a member that restarts forgets; the backoff is a brake, not a
 * lock-out), bounded in size so that spraying names cannot grow it without limit.
 */
@ApplicationScoped
public class LoginThrottle {

  static final int FREE_FAILURES_PER_USER = 5;
  static final int FREE_FAILURES_PER_ADDRESS = 50;
  static final Duration MAX_BACKOFF = Duration.ofMinutes(15);
  static final Duration FORGET_AFTER = Duration.ofMinutes(30);
  static final Duration AUDIT_WINDOW = Duration.ofMinutes(1);
  static final int MAX_TRACKED = 10_000;

  /** A window's failures of one name from one address that were not audited one by one. */
  public record Summary(String username, String address, int failures, Instant from, Instant to) {}

  private final Map<String, Failures> byUser = new ConcurrentHashMap<>();
  private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
  private final Map<String, Window> auditWindows = new ConcurrentHashMap<>();
  private final Clock clock;

  public LoginThrottle() {
    this(Clock.systemUTC());
  }

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /**
   * Admits an attempt for {@code username} from {@code address}, counting it as a failure until
   * {@link #succeeded} says otherwise: counted before the password is checked, so a burst of
   * parallel guesses is throttled as well as a sequence.
   *
   * @return 0 when the password may be checked; else the seconds to wait (the attempt is not
   *     counted: waiting callers do not lengthen the wait)
   */
  public synchronized long admit(String username, String address) {
    Instant now = clock.instant();
    long wait =
        Math.max(
            wait(byUser.get(username), FREE_FAILURES_PER_USER, now),
            wait(byAddress.get(address), FREE_FAILURES_PER_ADDRESS, now));
    if (wait == 0) {
      record(byUser, username, now);
      record(byAddress, address, now);
    }
    return wait;
  }

  /**
   * An admitted attempt failed.
   *
   * @return true when this failure is to be audited on its own row; false when it only counts
   *     towards the window's summary
   */
  public boolean failed(String username, String address) {
    return countForAudit(username, address, clock.instant());
  }

  /**
   * Records an attempt refused while waiting: it counts towards the audit summary but does not
   * lengthen the wait (or an attacker could keep the owner of a name out for good).
   *
   * @return as {@link #failed}
   */
  public boolean refused(String username, String address) {
    return countForAudit(username, address, clock.instant());
  }

  private boolean countForAudit(String username, String address, Instant now) {
    String key = username + "\u0000" + address;
    Window window = auditWindows.compute(key, (k, w) -> w == null ? new Window(now) : w.count(now));
    trim(auditWindows.size());
    return window.unaudited == 0;
  }

  /** An admitted attempt succeeded: the name's failures are cleared, the address's uncounted. */
  public synchronized void succeeded(String username, String address) {
    byUser.remove(username);
    byAddress.computeIfPresent(
        address, (k, f) -> f.count <= 1 ? null : new Failures(f.count - 1, f.last));
  }

  /** The windows that ended with unaudited failures, removed from the throttle. */
  public List<Summary> endedWindows() {
    Instant now = clock.instant();
    List<Summary> ended = new ArrayList<>();
    auditWindows.forEach(
        (key, window) -> {
          if (window.start.plus(AUDIT_WINDOW).isAfter(now)) {
            return;
          }
          if (auditWindows.remove(key, window) && window.unaudited > 0) {
            int split = key.indexOf('\u0000');
            ended.add(
                new Summary(
                    key.substring(0, split),
                    key.substring(split + 1),
                    window.unaudited,
                    window.start,
                    window.last));
          }
        });
    forget(byUser, now);
    forget(byAddress, now);
    return ended;
  }

  private static long wait(Failures failures, int free, Instant now) {
    if (failures == null || failures.count < free) {
      return 0;
    }
    long backoff = Math.min(MAX_BACKOFF.toSeconds(), 1L << Math.min(30, failures.count - free));
    long remaining = Duration.between(now, failures.last.plusSeconds(backoff)).toSeconds();
    return Math.max(0, remaining + (remaining >= 0 ? 1 : 0));
  }

  private void record(Map<String, Failures> map, String key, Instant now) {
    map.compute(key, (k, f) -> f == null ? new Failures(1, now) : new Failures(f.count + 1, now));
    if (map.size() > MAX_TRACKED) {
      forget(map, now);
    }
  }

  private static void forget(Map<String, Failures> map, Instant now) {
    map.values().removeIf(f -> f.last.plus(FORGET_AFTER).isBefore(now));
  }

  private void trim(int size) {
    if (size > MAX_TRACKED) {
      // Windows are summarised by the audit timer every minute; past the cap drop the oldest half.
      auditWindows.entrySet().stream()
          .sorted((a, b) -> a.getValue().start.compareTo(b.getValue().start))
          .limit(size / 2)
          .forEach(e -> auditWindows.remove(e.getKey()));
    }
  }

  private record Failures(int count, Instant last) {}

  private static final class Window {
    final Instant start;
    volatile Instant last;
    volatile int unaudited;

    Window(Instant start) {
      this.start = start;
      this.last = start;
    }

    Window count(Instant now) {
      unaudited++;
      last = now;
      return this;
    }
  }
}
