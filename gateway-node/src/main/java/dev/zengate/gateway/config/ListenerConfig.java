package dev.zengate.gateway.config;

/**
 * One virtual server, virtual client or re-encrypting relay.
 *
 * @param name unique within the node; used in logs and metric labels
 * @param mode what happens to TLS on each side
 * @param bind address partners (server) or the legacy host (client) connect to
 * @param target where connections are forwarded
 * @param downstreamTls termination settings (modes {@code server} and {@code tls-to-tls})
 * @param upstreamTls origination settings (modes {@code client} and {@code tls-to-tls})
 * @param sourceAddress local IP address outgoing connections are bound to (SNAT)
 * @param limits timeouts and connection cap
 */
public record ListenerConfig(
    String name,
    ListenerMode mode,
    HostPort bind,
    HostPort target,
    DownstreamTls downstreamTls,
    UpstreamTls upstreamTls,
    String sourceAddress,
    ConnectionLimits limits) {

  public ListenerConfig {
    limits = limits == null ? ConnectionLimits.DEFAULT : limits;
  }
}
