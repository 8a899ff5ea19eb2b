package dev.zengate.gateway.managed.channel;

import dev.zengate.bundle.Enrollment;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLException;

/**
 * The node's TLS context for the channel: TLS 1.3 only, the node's own certificate and key, and
 * only the cluster's node-channel CA (pinned at enrollment) as trust anchor; the member's
 * certificate must also name the endpoint connected to (Netty verifies the host name) and carry the
 * serverAuth usage (the JDK checks it), so a node's own client certificate from the same CA cannot
 * pose as a member.
 */
public final class ChannelTls {

  public static final String PROTOCOL = "TLSv1.3";

  private ChannelTls() {}

  public static SslContext client(Enrollment enrollment, PrivateKey channelKey)
      throws SSLException {
    return SslContextBuilder.forClient()
        .sslProvider(SslProvider.JDK)
        .protocols(PROTOCOL)
        .keyManager(channelKey, certificate(enrollment.channelCertificate(), "channelCertificate"))
        .trustManager(certificate(enrollment.channelCa(), "channelCa"))
        .endpointIdentificationAlgorithm("HTTPS")
        .build();
  }

  /**
   * Parses one PEM certificate.
   *
   * @throws IllegalArgumentException naming {@code field} when it is not one
   */
  public static X509Certificate certificate(String pem, String field) {
    if (pem == null || pem.isBlank()) {
      throw new IllegalArgumentException(field + " is missing (enrolled before the node channel?)");
    }
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(
                  new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    } catch (CertificateException e) {
      throw new IllegalArgumentException(field + " is not a PEM certificate: " + e.getMessage(), e);
    }
  }
}
