package dev.zengate.gateway.proxy;

import dev.zengate.gateway.config.ConfigProblem;
import dev.zengate.gateway.config.ConfigSource;
import dev.zengate.gateway.config.ConfigValidator;
import dev.zengate.gateway.config.DownstreamTls;
import dev.zengate.gateway.config.GatewayConfig;
import dev.zengate.gateway.config.InvalidConfigException;
import dev.zengate.gateway.config.ListenerConfig;
import dev.zengate.gateway.config.NameServers;
import dev.zengate.gateway.config.TlsProviderKind;
import dev.zengate.gateway.config.TlsVersion;
import dev.zengate.gateway.config.UpstreamTls;
import dev.zengate.gateway.config.ValidationConfig;
import dev.zengate.gateway.tls.CertifiedKey;
import dev.zengate.gateway.tls.CipherSuitePolicy;
import dev.zengate.gateway.tls.JdkLegacyVersions;
import dev.zengate.gateway.tls.SslContexts;
import dev.zengate.gateway.tls.TlsMaterials;
import dev.zengate.gateway.tls.TlsOffer;
import dev.zengate.gateway.trust.TrustPolicy;
import dev.zengate.gateway.trust.identity.ClientCertificateSelector;
import dev.zengate.gateway.trust.profile.Relaxation;
import dev.zengate.gateway.trust.revocation.OcspStaple;
import dev.zengate.gateway.trust.revocation.RevocationService;
import io.netty.handler.ssl.SslContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Validates a parsed configuration whole, by doing all the work that can fail before anything is
 * served: reading certificate files, checking suites against keys, building SSL contexts. Listeners
 * with identical TLS settings share one context, so hundreds of listeners cost little memory.
 */
public final class ConfigCompiler {

  private ConfigCompiler() {}

  /** Reads, parses and compiles a configuration file. */
  public static CompiledConfig compile(ConfigSource source) throws InvalidConfigException {
    GatewayConfig config = source.parse();
    if (config.pair() != null) {
      try {
        config.pair().secretBytes(); // read now so that check and reload report a bad file
      } catch (ConfigProblem problem) {
        throw source.fail(problem);
      }
    }
    RevocationServices revocation = new RevocationServices(config.node());
    try {
      TlsMaterials materials = TlsMaterials.load(config);
      return compiled(
          config,
          materials,
          compileListeners(config, materials, revocation),
          source.sha256(),
          revocation);
    } catch (ConfigProblem problem) {
      revocation.close();
      throw source.fail(problem);
    } catch (RuntimeException e) {
      revocation.close();
      throw e;
    }
  }

  /**
   * Compiles a configuration built in memory (quick mode); problems are reported against {@code
   * origin}, and relative paths are taken as given (relative to the working directory).
   */
  public static CompiledConfig compile(GatewayConfig config, String origin)
      throws InvalidConfigException {
    RevocationServices revocation = null;
    try {
      ConfigValidator.validate(config);
      revocation = new RevocationServices(config.node());
      TlsMaterials materials = TlsMaterials.load(config);
      return compiled(
          config,
          materials,
          compileListeners(config, materials, revocation),
          ConfigSource.hash(config.toString()),
          revocation);
    } catch (ConfigProblem problem) {
      if (revocation != null) {
        revocation.close();
      }
      throw new InvalidConfigException(
          origin + ": " + problem.fieldPath() + ": " + problem.getMessage(), problem);
    } catch (RuntimeException e) {
      if (revocation != null) {
        revocation.close();
      }
      throw e;
    }
  }

  private static CompiledConfig compiled(
      GatewayConfig config,
      TlsMaterials materials,
      List<ListenerSettings> listeners,
      String version,
      RevocationServices revocation) {
    revocation.startRefreshing();
    return new CompiledConfig(config, materials, listeners, version, revocation);
  }

  static List<ListenerSettings> compileListeners(
      GatewayConfig config, TlsMaterials materials, RevocationServices revocation)
      throws ConfigProblem {
    TlsProviderKind provider = config.node().tlsProvider();
    try {
      SslContexts.provider(provider);
    } catch (IllegalStateException e) {
      throw new ConfigProblem("node.tlsProvider", e.getMessage());
    }
    Map<List<Object>, SslContext> shared = new HashMap<>();
    try {
      return compileListeners(config, materials, provider, shared, revocation);
    } catch (ConfigProblem | RuntimeException e) {
      // Contexts built before the failure hold native memory with the openssl provider.
      shared.values().forEach(io.netty.util.ReferenceCountUtil::release);
      throw e;
    }
  }

  private static List<ListenerSettings> compileListeners(
      GatewayConfig config,
      TlsMaterials materials,
      TlsProviderKind provider,
      Map<List<Object>, SslContext> shared,
      RevocationServices revocation)
      throws ConfigProblem {
    List<ListenerSettings> compiled = new ArrayList<>();
    // A shared origination context presents certificates through one selector: every listener
    // using the context must bind its engines to that same selector.
    Map<List<Object>, ClientCertificateSelector> selectors = new HashMap<>();
    List<InetSocketAddress> nameServers = NameServers.parse(config.node().dnsServers());
    List<ListenerConfig> listeners = config.listeners();
    for (int i = 0; i < listeners.size(); i++) {
      ListenerConfig listener = listeners.get(i);
      String at = "listeners[" + i + "]";
      SslContext down = null;
      SslContext up = null;
      String peerName = null;
      RevocationService downRevocation = null;
      RevocationService upRevocation = null;
      ClientCertificateSelector identity = null;
      OcspStaple staple = null;
      TlsOffer downAllowed = null;
      if (listener.mode().terminatesTls()) {
        DownstreamTls tls = listener.downstreamTls();
        downRevocation = revocation.serviceFor(tls.clientRevocation());
        staple = staple(at + ".downstreamTls.ocspStapling", tls, materials, revocation);
        down = downstream(at + ".downstreamTls", tls, downRevocation, provider, materials, shared);
        downAllowed = TlsOffer.allowedBy(tls.protocols(), down.cipherSuites());
      }
      if (listener.mode().originatesTls()) {
        UpstreamTls tls = listener.upstreamTls();
        peerName = tls.verifyName() != null ? tls.verifyName() : listener.target().host();
        upRevocation = revocation.serviceFor(tls.revocation());
        List<Object> key = upstreamKey(tls, peerName, upRevocation);
        identity = selectors.computeIfAbsent(key, k -> ClientIdentities.selector(tls, materials));
        up =
            upstream(
                at + ".upstreamTls",
                tls,
                peerName,
                key,
                identity,
                upRevocation,
                provider,
                materials,
                shared);
      }
      compiled.add(
          new ListenerSettings(
              listener.name(),
              listener.mode(),
              listener.bind(),
              listener.target(),
              down,
              up,
              peerName,
              sourceAddress(at, listener.sourceAddress()),
              listener.limits(),
              downRevocation,
              upRevocation,
              downAllowed,
              staple,
              nameServers,
              identity));
    }
    return compiled;
  }

  private static OcspStaple staple(
      String at, DownstreamTls tls, TlsMaterials materials, RevocationServices revocation)
      throws ConfigProblem {
    if (!tls.ocspStapling()) {
      return null;
    }
    try {
      return revocation.stapleFor(
          tls.certificate(), materials.certificate(tls.certificate()).chain());
    } catch (IllegalArgumentException e) {
      throw new ConfigProblem(at, e.getMessage());
    }
  }

  private static SslContext downstream(
      String at,
      DownstreamTls tls,
      RevocationService revocation,
      TlsProviderKind provider,
      TlsMaterials materials,
      Map<List<Object>, SslContext> shared)
      throws ConfigProblem {
    legacyVersionsUsable(at, tls, provider);
    CertifiedKey certificate = materials.certificate(tls.certificate());
    List<String> suites =
        suites(at, tls.cipherSuites(), provider, tls.protocols(), certificate.keyAlgorithm());
    var trust = tls.clientTrust() == null ? null : materials.trustSet(tls.clientTrust());
    List<Object> key =
        List.of(
            "down",
            tls.certificate(),
            tls.clientAuth(),
            Objects.toString(tls.clientTrust()),
            tls.protocols(),
            suites,
            policyKey(revocation),
            tls.ocspStapling(),
            tls.clientValidation());
    return build(
        at,
        shared,
        key,
        () ->
            SslContexts.forServer(
                provider,
                certificate,
                tls.clientAuth(),
                trust,
                trustPolicy(tls.clientValidation()),
                revocation,
                tls.ocspStapling(),
                tls.protocols(),
                suites));
  }

  private static List<Object> upstreamKey(
      UpstreamTls tls, String peerName, RevocationService revocation) {
    return List.of(
        "up",
        tls.trust(),
        peerName,
        Objects.toString(tls.certificate()),
        tls.certificateRules(),
        tls.automaticCertificate(),
        tls.protocols(),
        tls.cipherSuites(),
        policyKey(revocation),
        tls.validation());
  }

  private static SslContext upstream(
      String at,
      UpstreamTls tls,
      String peerName,
      List<Object> key,
      ClientCertificateSelector identity,
      RevocationService revocation,
      TlsProviderKind provider,
      TlsMaterials materials,
      Map<List<Object>, SslContext> shared)
      throws ConfigProblem {
    List<String> suites = suites(at, tls.cipherSuites(), provider, tls.protocols(), null);
    var trust = materials.trustSet(tls.trust());
    return build(
        at,
        shared,
        key,
        () ->
            SslContexts.forClient(
                provider,
                trust,
                trustPolicy(tls.validation()),
                peerName,
                revocation,
                identity,
                tls.protocols(),
                suites));
  }

  /** Refuses a legacy listener the JDK would silently fail on every old client. */
  private static void legacyVersionsUsable(String at, DownstreamTls tls, TlsProviderKind provider)
      throws ConfigProblem {
    if (provider == TlsProviderKind.JDK
        && tls.protocols().stream().anyMatch(TlsVersion::legacy)
        && !JdkLegacyVersions.usable()) {
      throw new ConfigProblem(
          at + ".protocols",
          "the JDK in this process disables TLSv1/TLSv1.1 (jdk.tls.disabledAlgorithms was read"
              + " before the gateway could relax it): start the node through zengate-gateway's"
              + " main, or use tlsProvider: openssl");
    }
  }

  /** The validator's policy: strict, less the relaxations the listener names (validated). */
  private static TrustPolicy trustPolicy(ValidationConfig validation) {
    return TrustPolicy.DEFAULT.relaxing(Relaxation.parseAll(validation.relax()));
  }

  /** Listeners share a context only when they also check revocation the same way. */
  private static Object policyKey(RevocationService revocation) {
    return revocation == null ? "no-revocation" : revocation.policy();
  }

  private static List<String> suites(
      String at,
      List<String> configured,
      TlsProviderKind provider,
      List<TlsVersion> protocols,
      String keyAlgorithm)
      throws ConfigProblem {
    try {
      return CipherSuitePolicy.resolve(configured, provider, protocols, keyAlgorithm);
    } catch (IllegalArgumentException e) {
      throw new ConfigProblem(at + ".cipherSuites", e.getMessage());
    }
  }

  private interface ContextBuilder {
    SslContext build() throws Exception;
  }

  private static SslContext build(
      String at, Map<List<Object>, SslContext> shared, List<Object> key, ContextBuilder builder)
      throws ConfigProblem {
    SslContext existing = shared.get(key);
    if (existing != null) {
      return existing;
    }
    try {
      SslContext context = builder.build();
      shared.put(key, context);
      return context;
    } catch (Exception e) {
      throw new ConfigProblem(at, "cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private static InetAddress sourceAddress(String at, String address) throws ConfigProblem {
    if (address == null) {
      return null;
    }
    try {
      // Validated as an IP literal before, so this does not touch DNS.
      return InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw new ConfigProblem(at + ".sourceAddress", "'" + address + "' is not an IP address");
    }
  }
}
