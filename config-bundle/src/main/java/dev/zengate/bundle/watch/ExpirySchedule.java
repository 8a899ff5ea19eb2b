package dev.zengate.bundle.watch;

/** When to warn about a certificate's coming expiry. */
public enum ExpirySchedule {
  /** N days before expiry, as the appliance does (default 30, 1-365). */
  FIXED,
  /** 60 and 30 days before, then daily from 15 days, once a third of the lifetime remains. */
  GRADUATED
}
