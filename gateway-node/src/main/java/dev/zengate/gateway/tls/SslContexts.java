package dev.zengate.gateway.tls;

import dev.zengate.gateway.config.ClientAuthPolicy;
import dev.zengate.gateway.config.TlsProviderKind;
import dev.zengate.gateway.config.TlsVersion;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

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
      List<TlsVersion> protocols,
      List<String> cipherSuites)
      throws SSLException {
    SslContextBuilder builder =
        SslContextBuilder.forServer(certificate.key(), certificate.chain())
            .sslProvider(provider(provider))
            .protocols(protocolNames(protocols))
            .ciphers(cipherSuites)
            .clientAuth(toNetty(clientAuth));
    if (clientTrust != null) {
      builder.trustManager(clientTrust);
    }
    return builder.build();
  }

  public static SslContext forClient(
      TlsProviderKind provider,
      List<X509Certificate> trust,
      String expectedServerName,
      CertifiedKey clientCertificate,
      List<TlsVersion> protocols,
      List<String> cipherSuites)
      throws SSLException {
    SslContextBuilder builder =
        SslContextBuilder.forClient()
            .sslProvider(provider(provider))
            .protocols(protocolNames(protocols))
            .ciphers(cipherSuites)
            // Name checks are done by NameVerifyingTrustManager, identically for both providers.
            .endpointIdentificationAlgorithm(null)
            .trustManager(new NameVerifyingTrustManager(pkix(trust), expectedServerName));
    if (clientCertificate != null) {
      builder.keyManager(clientCertificate.key(), clientCertificate.chain());
    }
    return builder.build();
  }

  private static X509TrustManager pkix(List<X509Certificate> trust) throws SSLException {
    try {
      KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
      anchors.load(null, null);
      for (int i = 0; i < trust.size(); i++) {
        anchors.setCertificateEntry("ca-" + i, trust.get(i));
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(anchors);
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          return x509;
        }
      }
      throw new SSLException("no X.509 trust manager available");
    } catch (SSLException e) {
      throw e;
    } catch (Exception e) {
      throw new SSLException("cannot build the trust set: " + e.getMessage(), e);
    }
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
