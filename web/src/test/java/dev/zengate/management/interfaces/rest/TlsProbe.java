package dev.zengate.management.interfaces.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/** A partner's TLS client: verifies the gateway against a CA and talks through it. */
final class TlsProbe implements AutoCloseable {

  private final SSLSocket socket;

  private TlsProbe(SSLSocket socket) {
    this.socket = socket;
  }

  static TlsProbe connect(X509Certificate ca, String host, int port) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", ca);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
    socket.connect(new InetSocketAddress(host, port), 3000);
    socket.setSoTimeout(5000);
    socket.startHandshake();
    return new TlsProbe(socket);
  }

  BigInteger serverSerial() throws Exception {
    return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSerialNumber();
  }

  /** Sends a line and returns what comes back (the echo backend answers with the same bytes). */
  String echo(String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    OutputStream out = socket.getOutputStream();
    out.write(bytes);
    out.flush();
    InputStream in = socket.getInputStream();
    byte[] back = in.readNBytes(bytes.length);
    return new String(back, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
