package dev.zengate.gateway.config;

import java.time.Duration;

/**
 * Settings of the gateway process itself.
 *
 * @param name node name shown in status and metrics
 * @param tlsProvider TLS implementation for every listener of this node
 * @param admin the loopback admin endpoint (health, status, metrics, reload)
 * @param drainTimeout how long a stopping or removed listener waits for its connections
 */
public record NodeConfig(
    String name, TlsProviderKind tlsProvider, AdminConfig admin, Duration drainTimeout) {

  public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(30);

  public NodeConfig {
    tlsProvider = tlsProvider == null ? TlsProviderKind.OPENSSL : tlsProvider;
    admin = admin == null ? AdminConfig.DEFAULT : admin;
    drainTimeout = drainTimeout == null ? DEFAULT_DRAIN_TIMEOUT : drainTimeout;
  }
}
