package dev.zengate.gateway.trust;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS engines' view of a {@link PathValidator}: partners' client certificates on virtual
 * servers and partners' server certificates on virtual clients are decided by the same validator,
 * for the JDK provider and for OpenSSL (netty-tcnative wraps any X509ExtendedTrustManager). A
 * rejection is thrown as a {@link CertificateRejectedException} whose cause makes either provider
 * send the matching alert (certificate_revoked, certificate_expired, ...). The issuers advertised
 * in a CertificateRequest are the trust anchors.
 *
 * <p>Revocation checking can block on the network: wire this trust manager only into engines whose
 * handshake tasks run off the event loop (Netty's {@code SslHandler} with a delegated task
 * executor; for OpenSSL, {@code OpenSslContextOption.USE_TASKS}).
 */
public final class ValidatingTrustManager extends X509ExtendedTrustManager {

  private final PathValidator validator;
  private final String expectedServerName;
  private final Clock clock;
  private final Consumer<Verdict> observer;

  /**
   * @param expectedServerName the name a server certificate must carry; null uses the engine's peer
   *     host, and no name check at all when that is unknown too
   * @param observer told of every verdict (logging, metrics, status); may be null
   */
  public ValidatingTrustManager(
      PathValidator validator, String expectedServerName, Clock clock, Consumer<Verdict> observer) {
    this.validator = validator;
    this.expectedServerName = expectedServerName;
    this.clock = clock == null ? Clock.systemUTC() : clock;
    this.observer = observer == null ? verdict -> {} : observer;
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    decide(chain, Purpose.CLIENT, null);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    decide(chain, Purpose.CLIENT, null);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    decide(chain, Purpose.CLIENT, null);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    decide(chain, Purpose.SERVER, expectedServerName);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    decide(chain, Purpose.SERVER, expectedServerName);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    String name = expectedServerName;
    if (name == null && engine != null) {
      name = engine.getPeerHost();
    }
    decide(chain, Purpose.SERVER, name);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return validator.trust().anchors().toArray(X509Certificate[]::new);
  }

  private void decide(X509Certificate[] chain, Purpose purpose, String name)
      throws CertificateException {
    Verdict verdict =
        validator.validate(
            chain == null ? List.of() : List.of(chain), purpose, name, clock.instant());
    observer.accept(verdict);
    verdict.orThrow();
  }
}
