package dev.zengate.gateway.trust.revocation;

/**
 * Which revocation sources a listener consults. {@code BOTH} asks the OCSP responder first and
 * falls back to the CRL when the responder gives no definite answer.
 */
public enum RevocationMode {
  NONE,
  OCSP,
  CRL,
  BOTH
}
