package dev.zengate.gateway.config;

import java.time.Duration;

/**
 * Per-listener connection hygiene.
 *
 * @param handshakeTimeout a TLS handshake not finished by then is abandoned
 * @param idleTimeout a connection with no traffic either way for this long is closed
 * @param connectTimeout how long to wait for the target to accept
 * @param maxConnections concurrent connections accepted; further ones are closed at once
 */
public record ConnectionLimits(
    Duration handshakeTimeout,
    Duration idleTimeout,
    Duration connectTimeout,
    Integer maxConnections) {

  public static final ConnectionLimits DEFAULT = new ConnectionLimits(null, null, null, null);

  public ConnectionLimits {
    handshakeTimeout = handshakeTimeout == null ? Duration.ofSeconds(10) : handshakeTimeout;
    idleTimeout = idleTimeout == null ? Duration.ofMinutes(10) : idleTimeout;
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
    maxConnections = maxConnections == null ? 10_000 : maxConnections;
  }
}
