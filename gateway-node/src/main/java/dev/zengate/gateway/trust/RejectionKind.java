package dev.zengate.gateway.trust;

/**
 * Why a certificate chain was refused, as a small fixed set suited to a metric label; the verdict's
 * reason carries the plain-words detail.
 */
public enum RejectionKind {
  EXPIRED,
  NOT_YET_VALID,
  UNKNOWN_ISSUER,
  BAD_SIGNATURE,
  NOT_A_CA,
  PATH_LENGTH,
  NAME_CONSTRAINTS,
  KEY_USAGE,
  EXTENDED_KEY_USAGE,
  CRITICAL_EXTENSION,
  WEAK_KEY,
  WEAK_SIGNATURE,
  NAME_MISMATCH,
  POLICY,
  /** Breaks a rule of the strict profile (RFC 5280 / CA/B Forum) not covered by another kind. */
  NONCONFORMING,
  REVOKED,
  REVOCATION_UNAVAILABLE,
  MALFORMED;

  /** Lower-case label for metrics and status JSON. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
