package dev.zengate.gateway.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What decides the master role between pair members of equal priority (the higher one wins). */
public enum PairTieBreak {
  /** The higher heartbeat address (IP, then port), as VRRP compares primary addresses. */
  @JsonProperty("address")
  ADDRESS,
  /** The higher node name (compared as UTF-8 bytes). */
  @JsonProperty("name")
  NAME
}
