package dev.zengate.gateway.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a listener does with TLS; the appliance calls these virtual server and virtual client. */
public enum ListenerMode {
  /** Terminate TLS from partners, forward plaintext to the target (virtual server). */
  @JsonProperty("server")
  SERVER,
  /** Accept plaintext from the legacy host, originate TLS to the target (virtual client). */
  @JsonProperty("client")
  CLIENT,
  /** Terminate TLS and originate new TLS to the target (re-encryption). */
  @JsonProperty("tls-to-tls")
  TLS_TO_TLS;

  public boolean terminatesTls() {
    return this != CLIENT;
  }

  public boolean originatesTls() {
    return this != SERVER;
  }
}
