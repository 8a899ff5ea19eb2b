package dev.zengate.gateway.trust.profile;

import dev.zengate.gateway.trust.RejectionKind;

/** One rule of the strict profile: a name, where the standard says so, and the check itself. */
interface ProfileRule {

  /** Short stable name printed with every rejection, e.g. {@code serial-number}. */
  String name();

  /** The clause of RFC 5280 or the CA/B Baseline Requirements the rule enforces. */
  String reference();

  /** The listener relaxation that switches the rule off, or null when none may. */
  default Relaxation relaxedBy() {
    return null;
  }

  default RejectionKind kind() {
    return RejectionKind.NONCONFORMING;
  }

  /** Null when the path satisfies the rule, else what breaks it in plain words. */
  String violation(ProfilePath path);
}
