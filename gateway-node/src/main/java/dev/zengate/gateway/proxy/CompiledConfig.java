package dev.zengate.gateway.proxy;

import dev.zengate.gateway.config.GatewayConfig;
import dev.zengate.gateway.tls.TlsMaterials;
import java.util.List;

/**
 * A configuration ready to serve: every file read, every TLS context built.
 *
 * @param materials the certificates and trust sets as loaded, for reporting
 * @param version hash of the source, reported in status
 */
public record CompiledConfig(
    GatewayConfig config,
    TlsMaterials materials,
    List<ListenerSettings> listeners,
    String version) {}
