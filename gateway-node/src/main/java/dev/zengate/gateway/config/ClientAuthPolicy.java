package dev.zengate.gateway.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a virtual server asks partners for a client certificate. */
public enum ClientAuthPolicy {
  @JsonProperty("none")
  NONE,
  /** Requested and verified when sent; a partner without one is still accepted. */
  @JsonProperty("optional")
  OPTIONAL,
  @JsonProperty("required")
  REQUIRED
}
