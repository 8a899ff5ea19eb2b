package dev.zengate.gateway.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Which revocation sources a listener consults for the peer's certificate chain. {@code both} asks
 * the OCSP responder first and falls back to the CRL when the responder gives no definite answer.
 */
public enum RevocationCheck {
  @JsonProperty("none")
  NONE,
  @JsonProperty("ocsp")
  OCSP,
  @JsonProperty("crl")
  CRL,
  @JsonProperty("both")
  BOTH
}
