package dev.zengate.bundle.syslog;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Sends one message to a syslog server: UDP (RFC 5426, one datagram, no acknowledgement: a server
 * that is down is not noticed) or TCP (RFC 6587 octet counting; a refused or timed-out connection
 * is a failure the caller retries) or TLS (RFC 5425: the same octet counting inside TLS 1.2+, the
 * server's certificate chained to the configured CAs and naming the target's host).
 */
public final class SyslogSender {

  private static final int TIMEOUT_MILLIS = 5_000;
  private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

  private SyslogSender() {}

  public static void send(SyslogTarget target, SyslogMessage message) throws IOException {
    send(target, null, message);
  }

  /**
   * {@code tls}: the context whose trust a TLS server's certificate must chain to (the management
   * server's is built from the configured CAs); null: the JVM's default.
   */
  public static void send(SyslogTarget target, SSLContext tls, SyslogMessage message)
      throws IOException {
    InetAddress address = InetAddress.getByName(target.host());
    switch (target.transport()) {
      case UDP -> {
        byte[] datagram = message.bytes();
        try (DatagramSocket socket = new DatagramSocket()) {
          socket.send(new DatagramPacket(datagram, datagram.length, address, target.port()));
        }
      }
      case TCP -> {
        try (Socket socket = new Socket()) {
          socket.connect(new InetSocketAddress(address, target.port()), TIMEOUT_MILLIS);
          socket.setSoTimeout(TIMEOUT_MILLIS);
          OutputStream out = socket.getOutputStream();
          out.write(message.octetCounted());
          out.flush();
          socket.shutdownOutput();
        }
      }
      case TLS -> {
        try (Socket plain = new Socket()) {
          plain.connect(new InetSocketAddress(address, target.port()), TIMEOUT_MILLIS);
          plain.setSoTimeout(TIMEOUT_MILLIS);
          try (SSLSocket secure =
              (SSLSocket)
                  (tls == null ? defaultContext() : tls)
                      .getSocketFactory()
                      .createSocket(plain, target.host(), target.port(), true)) {
            SSLParameters parameters = secure.getSSLParameters();
            parameters.setProtocols(PROTOCOLS);
            // RFC 5425 §5.2: the server's name is checked against its certificate.
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            secure.setSSLParameters(parameters);
            secure.startHandshake();
            OutputStream out = secure.getOutputStream();
            out.write(message.octetCounted());
            out.flush();
          }
        }
      }
    }
  }

  private static SSLContext defaultContext() throws IOException {
    try {
      return SSLContext.getDefault();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IOException("no TLS in this JVM", e);
    }
  }
}
