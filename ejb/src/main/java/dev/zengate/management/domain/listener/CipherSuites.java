package dev.zengate.management.domain.listener;

import dev.zengate.management.domain.shared.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cipher suites a listener may be given, in OpenSSL spelling as the appliance's manual lists
 * them (plus CHACHA20 and the TLS 1.3 suites), with the certificate key type each needs.
 */
public final class CipherSuites {

  /** Which server key a suite authenticates with: RSA, EC (ECDSA), or ANY (TLS 1.3). */
  public enum Auth {
    RSA,
    EC,
    ANY
  }

  private static final Map<String, Auth> KNOWN = new LinkedHashMap<>();

  static {
    for (String rsa :
        List.of(
            "AES128-SHA",
            "AES256-SHA",
            "DHE-RSA-AES128-SHA",
            "DHE-RSA-AES256-SHA",
            "AES128-SHA256",
            "AES256-SHA256",
            "DHE-RSA-AES128-SHA256",
            "DHE-RSA-AES256-SHA256",
            "AES128-GCM-SHA256",
            "AES256-GCM-SHA384",
            "DHE-RSA-AES128-GCM-SHA256",
            "DHE-RSA-AES256-GCM-SHA384",
            "ECDHE-RSA-AES256-GCM-SHA384",
            "ECDHE-RSA-AES256-SHA384",
            "ECDHE-RSA-AES256-SHA",
            "ECDHE-RSA-AES128-GCM-SHA256",
            "ECDHE-RSA-AES128-SHA",
            "ECDHE-RSA-AES128-SHA256",
            "ECDHE-RSA-CHACHA20-POLY1305")) {
      KNOWN.put(rsa, Auth.RSA);
    }
    for (String ec :
        List.of(
            "ECDHE-ECDSA-AES256-GCM-SHA384",
            "ECDHE-ECDSA-AES256-SHA384",
            "ECDHE-ECDSA-AES256-SHA",
            "ECDHE-ECDSA-AES128-GCM-SHA256",
            "ECDHE-ECDSA-AES128-SHA",
            "ECDHE-ECDSA-AES128-SHA256",
            "ECDHE-ECDSA-CHACHA20-POLY1305")) {
      KNOWN.put(ec, Auth.EC);
    }
    for (String tls13 :
        List.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256")) {
      KNOWN.put(tls13, Auth.ANY);
    }
  }

  private static final Set<String> PROTOCOLS = Set.of("TLSv1.2", "TLSv1.3");

  private CipherSuites() {}

  /** Every suite a listener may be given, in the order of the appliance's manual, with its key. */
  public static Map<String, Auth> catalogue() {
    return java.util.Collections.unmodifiableMap(KNOWN);
  }

  /**
   * Checks a listener's suites against its certificate's key algorithm ({@code RSA} or {@code EC}):
   * every name must be known, and at least one must be usable with that key. An empty list means
   * the gateway's secure default and is always usable.
   */
  public static List<String> requireUsable(List<String> suites, String keyAlgorithm) {
    if (suites == null || suites.isEmpty()) {
      return List.of();
    }
    boolean usable = false;
    for (String suite : suites) {
      Auth auth = KNOWN.get(suite);
      if (auth == null) {
        throw InvalidInputException.at(
            "cipherSuites", "suite.unknown", suite, String.join(", ", KNOWN.keySet()));
      }
      usable |= auth == Auth.ANY || keyAlgorithm == null || auth.name().equals(keyAlgorithm);
    }
    if (!usable) {
      throw InvalidInputException.at(
          "cipherSuites",
          "suite.unusable",
          suites.toString(),
          "EC".equals(keyAlgorithm) ? "ECDSA" : keyAlgorithm);
    }
    return List.copyOf(suites);
  }

  public static List<String> requireProtocols(List<String> protocols) {
    if (protocols == null || protocols.isEmpty()) {
      return List.of("TLSv1.2", "TLSv1.3");
    }
    for (String protocol : protocols) {
      if (!PROTOCOLS.contains(protocol)) {
        throw InvalidInputException.at("protocols", "protocol.notAllowed", protocol);
      }
    }
    return List.copyOf(protocols);
  }
}
