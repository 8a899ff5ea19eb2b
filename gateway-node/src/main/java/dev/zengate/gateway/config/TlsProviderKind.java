package dev.zengate.gateway.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which TLS implementation a node uses: BoringSSL through netty-tcnative, or the JDK's. */
public enum TlsProviderKind {
  @JsonProperty("openssl")
  OPENSSL,
  @JsonProperty("jdk")
  JDK
}
