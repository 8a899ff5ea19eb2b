package dev.zengate.bundle.watch;

/**
 * When to warn about a certificate: a pair's {@code expirySchedule} and {@code expiryWarningDays},
 * or the global default for certificates no pair uses.
 */
public record WatchPolicy(ExpirySchedule schedule, int warningDays) {

  /** The appliance's default (manual §2.4): from 30 days before expiry, then daily. */
  public static final WatchPolicy DEFAULT = new WatchPolicy(ExpirySchedule.FIXED, 30);

  public WatchPolicy {
    if (schedule == null) {
      throw new IllegalArgumentException("an expiry schedule is FIXED or GRADUATED");
    }
    if (warningDays < 1 || warningDays > 365) {
      throw new IllegalArgumentException(
          "expiry warning days " + warningDays + " is outside 1-365");
    }
  }
}
