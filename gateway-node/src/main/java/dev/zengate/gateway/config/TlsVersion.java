package dev.zengate.gateway.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** TLS protocol versions, spelled as OpenSSL and the JDK spell them. */
public enum TlsVersion {
  @JsonProperty("TLSv1")
  TLS_1_0("TLSv1"),
  @JsonProperty("TLSv1.1")
  TLS_1_1("TLSv1.1"),
  @JsonProperty("TLSv1.2")
  TLS_1_2("TLSv1.2"),
  @JsonProperty("TLSv1.3")
  TLS_1_3("TLSv1.3");

  /** TLS 1.2 minimum unless a listener opts into legacy versions explicitly. */
  public static final List<TlsVersion> DEFAULTS = List.of(TLS_1_2, TLS_1_3);

  private final String protocolName;

  TlsVersion(String protocolName) {
    this.protocolName = protocolName;
  }

  public String protocolName() {
    return protocolName;
  }

  /** TLS 1.0 and 1.1, deprecated by RFC 8996: enabled only to bridge old internal peers. */
  public boolean legacy() {
    return this == TLS_1_0 || this == TLS_1_1;
  }
}
