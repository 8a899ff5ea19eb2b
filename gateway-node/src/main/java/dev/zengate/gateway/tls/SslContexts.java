package dev.zengate.gateway.tls;

import dev.zengate.gateway.config.ClientAuthPolicy;
import dev.zengate.gateway.config.TlsProviderKind;
import dev.zengate.gateway.config.TlsVersion;
import dev.zengate.gateway.trust.PathValidator;
import dev.zengate.gateway.trust.TrustPolicy;
import dev.zengate.gateway.trust.TrustSet;
import dev.zengate.gateway.trust.ValidatingTrustManager;
import dev.zengate.gateway.trust.revocation.RevocationChecker;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.OpenSslContextOption;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.X509ExtendedKeyManager;

/** Builds Netty SSL contexts for termination and origination from loaded material. */
public final class SslContexts {

  private SslContexts() {}

  public static SslProvider provider(TlsProviderKind kind) {
    if (kind == TlsProviderKind.OPENSSL) {
      if (!OpenSsl.isAvailable()) {
        throw new IllegalStateException(
            "the openssl TLS provider is not available on this platform ("
                + OpenSsl.unavailabilityCause()
                + "); set node.tlsProvider: jdk");
      }
      // Reference-counted engines are freed when the SslHandler is removed, not by finalizers,
      // which keeps per-connection garbage-collection work down. Contexts are released by
      // CompiledConfig.release() once no listener uses them.
      return SslProvider.OPENSSL_REFCNT;
    }
    return SslProvider.JDK;
  }

  public static SslContext forServer(
      TlsProviderKind provider,
      CertifiedKey certificate,
      ClientAuthPolicy clientAuth,
      List<X509Certificate> clientTrust,
      TrustPolicy clientPolicy,
      RevocationChecker clientRevocation,
      boolean ocspStapling,
      List<TlsVersion> protocols,
      List<String> cipherSuites)
      throws SSLException {
    SslContextBuilder builder =
        withTasks(
                provider,
                SslContextBuilder.forServer(certificate.key(), certificate.chain()),
                clientTrust != null && checksRevocation(clientRevocation))
            .protocols(protocolNames(protocols))
            .ciphers(cipherSuites)
            .clientAuth(toNetty(clientAuth))
            .enableOcsp(ocspStapling);
    if (clientTrust != null) {
      // RFC 5280 validation by the gateway's own validator, identically for both providers.
      builder.trustManager(validating(clientTrust, clientPolicy, null, clientRevocation));
    }
    return builder.build();
  }

  public static SslContext forClient(
      TlsProviderKind provider,
      List<X509Certificate> trust,
      TrustPolicy policy,
      String expectedServerName,
      RevocationChecker revocation,
      X509ExtendedKeyManager clientIdentity,
      List<TlsVersion> protocols,
      List<String> cipherSuites)
      throws SSLException {
    SslContextBuilder builder =
        withTasks(provider, SslContextBuilder.forClient(), checksRevocation(revocation))
            .protocols(protocolNames(protocols))
            .ciphers(cipherSuites)
            // Chain and name checks are done by the gateway's validator, identically for both
            // providers.
            .endpointIdentificationAlgorithm(null)
            .trustManager(validating(trust, policy, expectedServerName, revocation));
    if (clientIdentity != null) {
      builder.keyManager(clientIdentity);
    }
    return builder.build();
  }

  /**
   * Certificate verification may wait for an OCSP responder or a CRL download. The JDK engine runs
   * it as a delegated task; BoringSSL does too once USE_TASKS is set. Either way the SslHandler
   * hands the task to the executor given to {@code newHandler} (the listener's task pool when it
   * checks revocation, see ConnectionInitializer). Without revocation nothing blocks, and running
   * the handshake inline spares every connection a hop to another thread.
   */
  private static SslContextBuilder withTasks(
      TlsProviderKind kind, SslContextBuilder builder, boolean blockingChecks) {
    builder.sslProvider(provider(kind));
    if (kind == TlsProviderKind.OPENSSL) {
      // Netty turns tasks on by default (io.netty.handler.ssl.openssl.useTasks): every handshake
      // would then leave BoringSSL for its certificate callback and re-enter it as a task.
      builder.option(OpenSslContextOption.USE_TASKS, blockingChecks);
    }
    return builder;
  }

  private static boolean checksRevocation(RevocationChecker revocation) {
    return revocation != null && revocation != RevocationChecker.NONE;
  }

  private static ValidatingTrustManager validating(
      List<X509Certificate> trust,
      TrustPolicy policy,
      String expectedServerName,
      RevocationChecker revocation)
      throws SSLException {
    if (trust == null || trust.isEmpty()) {
      throw new SSLException("the trust set holds no certificate");
    }
    PathValidator validator =
        new PathValidator(
            TrustSet.fromBundle(trust),
            policy == null ? TrustPolicy.DEFAULT : policy,
            revocation == null ? RevocationChecker.NONE : revocation);
    return new ValidatingTrustManager(validator, expectedServerName, null, null);
  }

  private static String[] protocolNames(List<TlsVersion> protocols) {
    return protocols.stream().map(TlsVersion::protocolName).toArray(String[]::new);
  }

  private static ClientAuth toNetty(ClientAuthPolicy policy) {
    return switch (policy) {
      case NONE -> ClientAuth.NONE;
      case OPTIONAL -> ClientAuth.OPTIONAL;
      case REQUIRED -> ClientAuth.REQUIRE;
    };
  }
}
