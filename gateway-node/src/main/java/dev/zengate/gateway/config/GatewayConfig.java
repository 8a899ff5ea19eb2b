package dev.zengate.gateway.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one gateway node serves. Certificates and trust sets are named resources that
 * listeners refer to, so rotating a certificate does not touch listener definitions.
 *
 * @param pair master/backup pairing, or null for a node that always serves
 */
public record GatewayConfig(
    NodeConfig node,
    Map<String, CertificateConfig> certificates,
    Map<String, TrustConfig> trust,
    List<ListenerConfig> listeners,
    PairConfig pair) {

  /** A node without a pair. */
  public GatewayConfig(
      NodeConfig node,
      Map<String, CertificateConfig> certificates,
      Map<String, TrustConfig> trust,
      List<ListenerConfig> listeners) {
    this(node, certificates, trust, listeners, null);
  }

  public GatewayConfig {
    certificates = certificates == null ? Map.of() : copy(certificates);
    trust = trust == null ? Map.of() : copy(trust);
    listeners = listeners == null ? List.of() : List.copyOf(listeners);
  }

  /** Returns this configuration with every relative file path resolved against {@code base}. */
  public GatewayConfig resolveAgainst(Path base) {
    Map<String, CertificateConfig> resolvedCerts = new LinkedHashMap<>();
    certificates.forEach((name, c) -> resolvedCerts.put(name, c.resolveAgainst(base)));
    Map<String, TrustConfig> resolvedTrust = new LinkedHashMap<>();
    trust.forEach((name, t) -> resolvedTrust.put(name, t.resolveAgainst(base)));
    return new GatewayConfig(
        node == null ? null : node.resolveAgainst(base),
        resolvedCerts,
        resolvedTrust,
        listeners,
        pair == null ? null : pair.resolveAgainst(base));
  }

  private static <V> Map<String, V> copy(Map<String, V> map) {
    // Keep declaration order: status output and error messages follow the file.
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
