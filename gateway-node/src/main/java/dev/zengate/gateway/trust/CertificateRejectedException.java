package dev.zengate.gateway.trust;

import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateException;
import java.security.cert.PKIXReason;

/**
 * A peer's certificate chain was refused. Thrown from trust managers; the message is the
 * plain-words reason an operator reads in the log. Its cause is a {@link
 * CertPathValidatorException} with the matching standard reason, because that is what both TLS
 * providers translate into the alert they send: {@code certificate_revoked} for a revoked
 * certificate, {@code certificate_expired} for an expired one, and so on.
 */
public final class CertificateRejectedException extends CertificateException {

  private static final long serialVersionUID = 1L;

  private final RejectionKind kind;

  public CertificateRejectedException(RejectionKind kind, String reason) {
    super(reason, new CertPathValidatorException(reason, null, null, -1, standardReason(kind)));
    this.kind = kind;
  }

  public RejectionKind kind() {
    return kind;
  }

  private static CertPathValidatorException.Reason standardReason(RejectionKind kind) {
    return switch (kind) {
      case REVOKED -> BasicReason.REVOKED;
      case EXPIRED -> BasicReason.EXPIRED;
      case NOT_YET_VALID -> BasicReason.NOT_YET_VALID;
      case REVOCATION_UNAVAILABLE -> BasicReason.UNDETERMINED_REVOCATION_STATUS;
      case BAD_SIGNATURE -> BasicReason.INVALID_SIGNATURE;
      case WEAK_KEY, WEAK_SIGNATURE -> BasicReason.ALGORITHM_CONSTRAINED;
      case UNKNOWN_ISSUER -> PKIXReason.NO_TRUST_ANCHOR;
      case NOT_A_CA -> PKIXReason.NOT_CA_CERT;
      case PATH_LENGTH -> PKIXReason.PATH_TOO_LONG;
      case NAME_CONSTRAINTS -> PKIXReason.INVALID_NAME;
      case KEY_USAGE, EXTENDED_KEY_USAGE -> PKIXReason.INVALID_KEY_USAGE;
      case CRITICAL_EXTENSION -> PKIXReason.UNRECOGNIZED_CRIT_EXT;
      case POLICY -> PKIXReason.INVALID_POLICY;
      case NAME_MISMATCH, MALFORMED, NONCONFORMING -> BasicReason.UNSPECIFIED;
    };
  }
}
