package dev.zengate.bundle;

import java.util.List;

/**
 * The cipher suites Zengate offers by default, in IANA spelling: the gateways' listeners and the
 * management server's HTTPS listener use the same ones, so one review covers both.
 */
public final class TlsSuites {

  /** TLS 1.2: ECDHE with AES-GCM and ChaCha20-Poly1305 only (forward secret, AEAD). */
  public static final List<String> TLS12 =
      List.of(
          "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
          "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

  /** TLS 1.3: all of its AEAD suites. */
  public static final List<String> TLS13 =
      List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");

  private TlsSuites() {}
}
