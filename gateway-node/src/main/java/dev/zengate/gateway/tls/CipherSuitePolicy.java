package dev.zengate.gateway.tls;

import dev.zengate.bundle.TlsSuites;
import dev.zengate.gateway.config.TlsProviderKind;
import dev.zengate.gateway.config.TlsVersion;
import io.netty.handler.ssl.CipherSuiteConverter;
import io.netty.handler.ssl.OpenSsl;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * Turns the cipher suites named in configuration (OpenSSL spelling such as {@code
 * ECDHE-ECDSA-AES128-GCM-SHA256} or IANA spelling) into the list handed to the TLS provider, and
 * refuses names that are unknown, unsupported, or useless with the certificate's key.
 *
 * <p>A listener that enables TLS 1.0/1.1 (an internal-facing one, see ConfigValidator) gets CBC
 * suites with SHA-1 MACs added to the defaults, as those are the only ones old clients have; every
 * other listener keeps the AEAD defaults.
 *
 * <p>TLS 1.3 suites are always the AEAD suites when none is named: BoringSSL does not allow them to
 * be restricted, and the JDK provider is given the same set so both behave alike.
 */
public final class CipherSuitePolicy {

  /** ECDHE with AES-GCM and ChaCha20-Poly1305 only: forward secret, authenticated encryption. */
  public static final List<String> DEFAULT_TLS12 = TlsSuites.TLS12;

  /**
   * Appended to the defaults when TLS 1.0/1.1 is enabled: what old clients offer (the seed's client
   * uses TLS_RSA_WITH_AES_128_CBC_SHA). After the AEAD suites, so newer clients still get those.
   */
  public static final List<String> LEGACY_DEFAULTS =
      List.of(
          "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
          "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
          "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
          "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
          "TLS_RSA_WITH_AES_128_CBC_SHA",
          "TLS_RSA_WITH_AES_256_CBC_SHA");

  public static final List<String> TLS13 = TlsSuites.TLS13;

  private CipherSuitePolicy() {}

  /**
   * The suites to enable, in IANA spelling.
   *
   * @param configured names from configuration; empty means the defaults
   * @param keyAlgorithm {@code RSA} or {@code EC} for a server certificate, null for a client
   * @throws IllegalArgumentException with a message naming the offending suite
   */
  public static List<String> resolve(
      List<String> configured,
      TlsProviderKind provider,
      List<TlsVersion> protocols,
      String keyAlgorithm) {
    boolean tls13 = protocols.contains(TlsVersion.TLS_1_3);
    boolean belowTls13 = protocols.stream().anyMatch(v -> v != TlsVersion.TLS_1_3);
    List<TlsVersion> legacy = protocols.stream().filter(TlsVersion::legacy).toList();
    Set<String> supported = supportedBy(provider);
    List<String> suites = new ArrayList<>();
    if (configured.isEmpty()) {
      suites.addAll(DEFAULT_TLS12);
      if (!legacy.isEmpty()) {
        suites.addAll(LEGACY_DEFAULTS);
      }
    } else {
      for (String name : configured) {
        String iana = toIana(name);
        if (iana == null || !knownToAnyProvider(iana)) {
          throw new IllegalArgumentException("unknown cipher suite '" + name + "'");
        }
        if (!supported.contains(iana)) {
          throw new IllegalArgumentException(
              "cipher suite '"
                  + name
                  + "' is not supported by the "
                  + provider.name().toLowerCase()
                  + " TLS provider");
        }
        suites.add(iana);
      }
    }
    if (tls13 && suites.stream().noneMatch(TLS13::contains)) {
      suites.addAll(TLS13);
    }
    if (keyAlgorithm != null) {
      boolean usable =
          suites.stream()
              .anyMatch(
                  s ->
                      (tls13 && TLS13.contains(s))
                          || (belowTls13
                              && !TLS13.contains(s)
                              && authenticatesWith(s, keyAlgorithm)));
      if (!usable) {
        throw new IllegalArgumentException(
            "none of the cipher suites "
                + (configured.isEmpty() ? suites : configured)
                + " can be used with "
                + keyAlgorithm
                + " key over "
                + protocols.stream().map(TlsVersion::protocolName).toList());
      }
    }
    List<String> enabled = new ArrayList<>(new LinkedHashSet<>(suites));
    enabled.retainAll(supported);
    if (!legacy.isEmpty()) {
      requireLegacyUsable(enabled, configured, legacy, keyAlgorithm);
    }
    return enabled;
  }

  /**
   * A listener that enables TLS 1.0/1.1 but could never complete such a handshake would refuse the
   * old clients it exists for, with a confusing "no shared cipher": say so at configuration time.
   */
  private static void requireLegacyUsable(
      List<String> enabled, List<String> configured, List<TlsVersion> legacy, String keyAlgorithm) {
    boolean usable =
        enabled.stream()
            .anyMatch(
                s ->
                    usableBeforeTls12(s)
                        && (keyAlgorithm == null || authenticatesWith(s, keyAlgorithm)));
    if (!usable) {
      throw new IllegalArgumentException(
          legacy.stream().map(TlsVersion::protocolName).toList()
              + " enabled, but none of the cipher suites "
              + (configured.isEmpty() ? enabled : configured)
              + " can be used over it"
              + (keyAlgorithm == null ? "" : " with " + keyAlgorithm + " key")
              + " (AEAD and SHA-256/384 suites need TLS 1.2); add a CBC suite such as "
              + (keyAlgorithm == null || keyAlgorithm.equals("RSA")
                  ? "ECDHE-RSA-AES128-SHA"
                  : "ECDHE-ECDSA-AES128-SHA"));
    }
  }

  /** TLS 1.0/1.1 know only suites with a SHA-1 (or MD5) MAC: the IANA name ends with it. */
  static boolean usableBeforeTls12(String ianaSuite) {
    return ianaSuite.endsWith("_SHA") || ianaSuite.endsWith("_MD5");
  }

  /** IANA name for an OpenSSL or IANA spelling, or null when neither is known. */
  static String toIana(String name) {
    String trimmed = name.trim();
    if (trimmed.startsWith("TLS_") || trimmed.startsWith("SSL_")) {
      return CipherSuiteConverter.toOpenSsl(trimmed, false) != null || TLS13.contains(trimmed)
          ? trimmed
          : null;
    }
    return CipherSuiteConverter.toJava(trimmed, "TLS");
  }

  private static boolean knownToAnyProvider(String iana) {
    return supportedBy(TlsProviderKind.JDK).contains(iana)
        || (OpenSsl.isAvailable() && supportedBy(TlsProviderKind.OPENSSL).contains(iana));
  }

  private static boolean authenticatesWith(String ianaSuite, String keyAlgorithm) {
    boolean ecdsa = ianaSuite.contains("_ECDSA_");
    return keyAlgorithm.equals("EC") ? ecdsa : !ecdsa && ianaSuite.contains("RSA");
  }

  private static Set<String> supportedBy(TlsProviderKind provider) {
    if (provider == TlsProviderKind.OPENSSL) {
      Set<String> suites = new LinkedHashSet<>(OpenSsl.availableJavaCipherSuites());
      suites.addAll(TLS13);
      return suites;
    }
    try {
      return new LinkedHashSet<>(
          Arrays.asList(SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no default SSLContext", e);
    }
  }
}
