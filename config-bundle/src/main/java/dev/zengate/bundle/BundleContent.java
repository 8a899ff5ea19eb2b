package dev.zengate.bundle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration part of a bundle, in the gateway node's own configuration vocabulary (see
 * gateway-node/README.md): listeners are the node's listener entries verbatim and refer to the
 * certificates and trust sets here by name.
 *
 * @param node node-level settings (e.g. {@code httpProxy}) merged over the node's local ones
 * @param certificates certificate chains (PEM, leaf first) with their private keys sealed to the
 *     node
 * @param trust trust sets: name to PEM certificates
 * @param listeners listener entries of the gateway configuration format
 */
public record BundleContent(
    Map<String, Object> node,
    Map<String, BundleCertificate> certificates,
    Map<String, List<String>> trust,
    List<Map<String, Object>> listeners) {

  public BundleContent {
    node = node == null ? Map.of() : node;
    certificates = certificates == null ? Map.of() : certificates;
    trust = trust == null ? Map.of() : trust;
    listeners = listeners == null ? List.of() : listeners;
  }

  /**
   * The SHA-256 of the canonical content without the sealed keys (which differ per node and per
   * sealing); a key is still pinned by its certificate, which is hashed.
   */
  public String hash() {
    Map<String, BundleCertificate> unsealed = new LinkedHashMap<>();
    certificates.forEach(
        (name, c) -> unsealed.put(name, new BundleCertificate(c.chainPem(), null)));
    return PublicKeys.sha256Hex(
        BundleJson.canonical(new BundleContent(node, unsealed, trust, listeners)));
  }

  /** Secret slot names bind a sealed value to its node and certificate. */
  public static String secretContext(long nodeId, String certificateName) {
    return "node " + nodeId + " certificate " + certificateName + " key";
  }
}
