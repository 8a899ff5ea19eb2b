package dev.zengate.management.infrastructure.notify;

import dev.zengate.management.domain.certificate.PkiMaterial;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS client side of the notification channels: TLS 1.2 or 1.3, the server's certificate
 * verified against the configured CAs (PEM) or, with none configured, the JVM's. The callers check
 * the server's name too (endpoint identification), so a valid certificate of another host fails.
 */
public final class TrustedTls {

  public static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

  private TrustedTls() {}

  /** An SSL context trusting {@code caPem} (null or blank: the JVM's default CAs). */
  public static SSLContext context(String caPem) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      if (caPem == null || caPem.isBlank()) {
        context.init(null, null, null);
        return context;
      }
      KeyStore anchors = KeyStore.getInstance("PKCS12");
      anchors.load(null, null);
      List<X509Certificate> cas = PkiMaterial.certificates("CA certificates", caPem);
      for (int i = 0; i < cas.size(); i++) {
        anchors.setCertificateEntry("ca-" + i, cas.get(i));
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(anchors);
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot set up TLS trust: " + e.getMessage(), e);
    }
  }

  /** Checks CA certificates as an operator pastes them; {@code field} names them in errors. */
  public static String checkCas(String field, String caPem) {
    if (caPem == null || caPem.isBlank()) {
      return null;
    }
    PkiMaterial.certificates(field, caPem);
    return caPem.trim() + "\n";
  }
}
