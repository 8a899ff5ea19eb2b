package dev.zengate.gateway.config;

import dev.zengate.gateway.trust.identity.AddressRange;
import dev.zengate.gateway.trust.identity.ClientCertificateRule;
import dev.zengate.gateway.trust.profile.Relaxation;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Structural rules a configuration must meet before any file is opened: required fields per mode,
 * unique names and bind addresses, and references to certificates and trust sets that exist. File
 * contents and cipher suites are checked later, when TLS contexts are built.
 */
public final class ConfigValidator {

  private ConfigValidator() {}

  public static void validate(GatewayConfig config) throws ConfigProblem {
    if (config.node() == null) {
      throw new ConfigProblem("node", "missing section 'node'");
    }
    if (blank(config.node().name())) {
      throw new ConfigProblem("node.name", "a node name is required");
    }
    NodeSettingsCheck.validate(config.node());
    PairValidator.validate(config);
    for (var entry : config.certificates().entrySet()) {
      validateCertificate("certificates." + entry.getKey(), entry.getValue());
    }
    for (var entry : config.trust().entrySet()) {
      if (entry.getValue() == null || entry.getValue().caFiles().isEmpty()) {
        throw new ConfigProblem(
            "trust." + entry.getKey(), "a trust set needs at least one file in caFiles");
      }
    }
    Map<String, Integer> names = new HashMap<>();
    Map<HostPort, Integer> binds = new HashMap<>();
    List<ListenerConfig> listeners = config.listeners();
    for (int i = 0; i < listeners.size(); i++) {
      String at = "listeners[" + i + "]";
      ListenerConfig listener = listeners.get(i);
      if (listener == null) {
        throw new ConfigProblem(at, "empty listener");
      }
      if (blank(listener.name())) {
        throw new ConfigProblem(at + ".name", "a listener name is required");
      }
      Integer sameName = names.putIfAbsent(listener.name(), i);
      if (sameName != null) {
        throw new ConfigProblem(
            at + ".name",
            "duplicate listener name '" + listener.name() + "' (also listeners[" + sameName + "])");
      }
      validateListener(config, at, listener);
      Integer sameBind = binds.putIfAbsent(listener.bind(), i);
      if (sameBind != null) {
        throw new ConfigProblem(
            at + ".bind",
            "duplicate bind address " + listener.bind() + " (also listeners[" + sameBind + "])");
      }
    }
  }

  private static void validateCertificate(String at, CertificateConfig cert) throws ConfigProblem {
    if (cert == null) {
      throw new ConfigProblem(at, "empty certificate entry");
    }
    boolean pem = cert.chain() != null || cert.key() != null;
    if (pem && cert.pkcs12() != null) {
      throw new ConfigProblem(at, "give either chain + key or pkcs12, not both");
    }
    if (!pem && cert.pkcs12() == null) {
      throw new ConfigProblem(at, "give chain + key, or pkcs12");
    }
    if (cert.intermediates() != null && cert.chain() == null) {
      throw new ConfigProblem(
          at + ".intermediates", "intermediates need a chain file with the leaf");
    }
    if (pem && cert.chain() == null) {
      throw new ConfigProblem(at + ".chain", "a certificate chain file is required with key");
    }
    if (pem && cert.key() == null) {
      throw new ConfigProblem(at + ".key", "a key file is required with chain");
    }
    if (cert.passphrase() != null && cert.passphraseFile() != null) {
      throw new ConfigProblem(at, "give either passphrase or passphraseFile, not both");
    }
  }

  private static void validateListener(GatewayConfig config, String at, ListenerConfig listener)
      throws ConfigProblem {
    require(listener.mode(), at + ".mode", "a mode is required (server, client or tls-to-tls)");
    require(listener.bind(), at + ".bind", "a bind address HOST:PORT is required");
    require(listener.target(), at + ".target", "a target address HOST:PORT is required");
    ConnectionLimits limits = listener.limits();
    if (limits.maxConnections() < 1) {
      throw new ConfigProblem(at + ".limits.maxConnections", "must be at least 1");
    }
    positive(limits.handshakeTimeout(), at + ".limits.handshakeTimeout");
    positive(limits.idleTimeout(), at + ".limits.idleTimeout");
    positive(limits.connectTimeout(), at + ".limits.connectTimeout");

    DownstreamTls down = listener.downstreamTls();
    if (listener.mode().terminatesTls()) {
      require(down, at + ".downstreamTls", "mode " + modeName(listener) + " needs downstreamTls");
      require(down.certificate(), at + ".downstreamTls.certificate", "a certificate is required");
      certificateRef(config, at + ".downstreamTls.certificate", down.certificate());
      if (down.clientAuth() != ClientAuthPolicy.NONE) {
        require(
            down.clientTrust(),
            at + ".downstreamTls.clientTrust",
            "clientAuth " + down.clientAuth().name().toLowerCase() + " needs a clientTrust set");
      }
      if (down.clientTrust() != null) {
        trustRef(config, at + ".downstreamTls.clientTrust", down.clientTrust());
      }
      notEmpty(down.protocols(), at + ".downstreamTls.protocols");
      if (down.ocspStapling() && config.node().tlsProvider() != TlsProviderKind.OPENSSL) {
        throw new ConfigProblem(
            at + ".downstreamTls.ocspStapling",
            "OCSP stapling needs node.tlsProvider: openssl (the JDK provider staples only"
                + " process-wide, from its own fetches)");
      }
      if (!down.internal()) {
        noLegacyVersion(
            down.protocols(),
            at + ".downstreamTls.protocols",
            "allowed only on an internal-facing side (internal: true)");
      }
      revocation(down.clientRevocation(), at + ".downstreamTls.clientRevocation");
      validation(down.clientValidation(), at + ".downstreamTls.clientValidation");
      if (down.clientRevocation().enabled() && down.clientAuth() == ClientAuthPolicy.NONE) {
        throw new ConfigProblem(
            at + ".downstreamTls.clientRevocation",
            "checks client certificates, but clientAuth is none: set clientAuth or remove it");
      }
    } else if (down != null) {
      throw new ConfigProblem(at + ".downstreamTls", "mode client accepts plaintext; remove it");
    }

    UpstreamTls up = listener.upstreamTls();
    if (listener.mode().originatesTls()) {
      require(up, at + ".upstreamTls", "mode " + modeName(listener) + " needs upstreamTls");
      require(up.trust(), at + ".upstreamTls.trust", "a trust set for the server is required");
      trustRef(config, at + ".upstreamTls.trust", up.trust());
      if (up.certificate() != null) {
        certificateRef(config, at + ".upstreamTls.certificate", up.certificate());
        if (up.automaticCertificate()) {
          throw new ConfigProblem(
              at + ".upstreamTls.automaticCertificate",
              "choose the certificate either by name (certificate) or from the server's request"
                  + " (automaticCertificate), not both");
        }
      }
      for (int r = 0; r < up.certificateRules().size(); r++) {
        certificateRule(
            config, at + ".upstreamTls.certificateRules[" + r + "]", up.certificateRules().get(r));
      }
      notEmpty(up.protocols(), at + ".upstreamTls.protocols");
      noLegacyVersion(
          up.protocols(),
          at + ".upstreamTls.protocols",
          "never allowed towards the target: the gateway speaks TLS 1.2+ outside");
      revocation(up.revocation(), at + ".upstreamTls.revocation");
      validation(up.validation(), at + ".upstreamTls.validation");
    } else if (up != null) {
      throw new ConfigProblem(at + ".upstreamTls", "mode server forwards plaintext; remove it");
    }
    if (listener.sourceAddress() != null && !IpLiteral.isIpLiteral(listener.sourceAddress())) {
      throw new ConfigProblem(
          at + ".sourceAddress", "'" + listener.sourceAddress() + "' is not an IP address");
    }
  }

  private static void validation(ValidationConfig validation, String at) throws ConfigProblem {
    for (int i = 0; i < validation.relax().size(); i++) {
      try {
        Relaxation.parse(validation.relax().get(i));
      } catch (IllegalArgumentException e) {
        throw new ConfigProblem(at + ".relax[" + i + "]", e.getMessage());
      }
    }
  }

  private static void revocation(RevocationConfig revocation, String at) throws ConfigProblem {
    positive(revocation.timeout(), at + ".timeout");
    RevocationCheck mode = revocation.mode();
    if (revocation.ocspUrl() != null) {
      url(revocation.ocspUrl(), at + ".ocspUrl");
      if (mode != RevocationCheck.OCSP && mode != RevocationCheck.BOTH) {
        throw new ConfigProblem(at + ".ocspUrl", "only used with mode ocsp or both");
      }
    }
    if (revocation.crlUrl() != null) {
      url(revocation.crlUrl(), at + ".crlUrl");
      if (mode != RevocationCheck.CRL && mode != RevocationCheck.BOTH) {
        throw new ConfigProblem(at + ".crlUrl", "only used with mode crl or both");
      }
    }
  }

  /** An absolute http(s) URL with a host, as the revocation fetcher accepts. */
  private static URI url(String text, String at) throws ConfigProblem {
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw new ConfigProblem(at, "'" + text + "' is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new ConfigProblem(at, "'" + text + "' is not an http:// or https:// URL");
    }
    if (uri.getHost() == null) {
      throw new ConfigProblem(at, "'" + text + "' has no host");
    }
    return uri;
  }

  private static String modeName(ListenerConfig listener) {
    return listener.mode() == ListenerMode.TLS_TO_TLS
        ? "tls-to-tls"
        : listener.mode().name().toLowerCase();
  }

  private static void certificateRef(GatewayConfig config, String at, String name)
      throws ConfigProblem {
    if (!config.certificates().containsKey(name)) {
      throw new ConfigProblem(
          at,
          "unknown certificate '" + name + "' (defined: " + config.certificates().keySet() + ")");
    }
  }

  private static void certificateRule(
      GatewayConfig config, String at, ClientCertificateRuleConfig rule) throws ConfigProblem {
    if (rule == null) {
      throw new ConfigProblem(at, "empty certificate rule");
    }
    require(rule.certificate(), at + ".certificate", "a rule needs a certificate");
    certificateRef(config, at + ".certificate", rule.certificate());
    try {
      new ClientCertificateRule(
          AddressRange.parse(rule.destination()),
          AddressRange.parse(rule.source()),
          rule.certificate());
    } catch (IllegalArgumentException e) {
      throw new ConfigProblem(at, e.getMessage());
    }
  }

  private static void trustRef(GatewayConfig config, String at, String name) throws ConfigProblem {
    if (!config.trust().containsKey(name)) {
      throw new ConfigProblem(
          at, "unknown trust set '" + name + "' (defined: " + config.trust().keySet() + ")");
    }
  }

  private static void require(Object value, String at, String message) throws ConfigProblem {
    if (value == null || (value instanceof String s && s.isBlank())) {
      throw new ConfigProblem(at, message);
    }
  }

  private static void notEmpty(List<?> list, String at) throws ConfigProblem {
    if (list.isEmpty()) {
      throw new ConfigProblem(at, "at least one protocol version is required");
    }
  }

  private static void noLegacyVersion(List<TlsVersion> protocols, String at, String why)
      throws ConfigProblem {
    for (TlsVersion version : protocols) {
      if (version.legacy()) {
        throw new ConfigProblem(at, version.protocolName() + " is a legacy version, " + why);
      }
    }
  }

  private static void positive(java.time.Duration d, String at) throws ConfigProblem {
    if (d.isZero() || d.isNegative()) {
      throw new ConfigProblem(at, "must be greater than zero");
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
