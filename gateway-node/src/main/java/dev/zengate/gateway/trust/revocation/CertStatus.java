package dev.zengate.gateway.trust.revocation;

import java.time.Instant;

/**
 * What one source said about one certificate.
 *
 * @param source who said it, e.g. {@code OCSP http://ocsp.example/} or {@code CRL
 *     http://crl.example/ca.crl}
 * @param detail plain-words detail for the non-definite states (why unavailable, why unknown)
 */
public record CertStatus(
    State state, Instant revokedAt, String revocationReason, String source, String detail) {

  /** The answer's kind. */
  public enum State {
    GOOD,
    REVOKED,
    /** The OCSP responder does not know the certificate. */
    UNKNOWN,
    /** The source could not be reached or gave an unusable answer. */
    UNAVAILABLE,
    /** The certificate names no source and none is configured. */
    NO_LOCATION
  }

  static CertStatus good(String source) {
    return new CertStatus(State.GOOD, null, null, source, null);
  }

  static CertStatus revoked(Instant at, String reason, String source) {
    return new CertStatus(State.REVOKED, at, reason, source, null);
  }

  static CertStatus unknown(String source, String detail) {
    return new CertStatus(State.UNKNOWN, null, null, source, detail);
  }

  static CertStatus unavailable(String source, String detail) {
    return new CertStatus(State.UNAVAILABLE, null, null, source, detail);
  }

  static CertStatus noLocation(String detail) {
    return new CertStatus(State.NO_LOCATION, null, null, null, detail);
  }

  boolean definite() {
    return state == State.GOOD || state == State.REVOKED;
  }
}
