package dev.zengate.bundle.watch;

/**
 * One step of a certificate's warning schedule, the unit that is notified once: {@code days} is the
 * threshold in whole days left ({@code 60} and {@code 30} for the first graduated steps, then the
 * day count itself), negative once expired ({@code -1} on the first day after expiry, {@code -2} on
 * the second, …, so an expired certificate is reported once a day). {@code daysLeft} is the actual
 * count of whole days left at the time (negative when expired).
 */
public record ExpiryThreshold(int days, long daysLeft) {

  public boolean expired() {
    return days < 0;
  }

  /** For people: {@code "60 days"}, {@code "1 day"}, {@code "expired (day 2)"}. */
  public String label() {
    if (expired()) {
      return "expired (day " + (-days) + ")";
    }
    return days == 1 ? "1 day" : days + " days";
  }
}
