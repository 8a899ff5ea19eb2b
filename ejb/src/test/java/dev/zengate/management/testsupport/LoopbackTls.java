package dev.zengate.management.testsupport;

import dev.zengate.management.infrastructure.channel.ChannelCertificates;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * TLS for a test server on loopback: a test CA (the project's own certificate code, as for the node
 * channel) and a server certificate naming {@code hosts}, as a server-side SSL context; clients are
 * given {@link #caPem()} as the CA to trust.
 */
public record LoopbackTls(String caPem, SSLContext serverContext) {

  public static LoopbackTls forHosts(String caName, String... hosts) {
    try {
      KeyPair caKeys = ChannelCertificates.newKey();
      X509Certificate ca = ChannelCertificates.selfSignedCa(caKeys, caName);
      KeyPair serverKeys = ChannelCertificates.newKey();
      X509Certificate server =
          ChannelCertificates.server(
              ca,
              caKeys.getPrivate(),
              serverKeys.getPublic(),
              "test server",
              List.of(hosts),
              Duration.ofDays(2));
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      char[] password = "test".toCharArray();
      store.setKeyEntry(
          "server", serverKeys.getPrivate(), password, new Certificate[] {server, ca});
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return new LoopbackTls(ChannelCertificates.pem(ca), context);
    } catch (Exception e) {
      throw new IllegalStateException("cannot make the test TLS material: " + e, e);
    }
  }

  /** 127.0.0.1 only: what every test server here listens on. */
  public static LoopbackTls loopback() {
    return forHosts("Zengate test CA", "127.0.0.1");
  }
}
