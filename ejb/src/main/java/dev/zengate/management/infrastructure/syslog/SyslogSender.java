package dev.zengate.management.infrastructure.syslog;

import dev.zengate.management.domain.pair.SyslogTarget;
import dev.zengate.management.infrastructure.notify.TrustedTls;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
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

  private SyslogSender() {}

  public static void send(SyslogTarget target, SyslogMessage message) throws IOException {
    send(target, null, message);
  }

  /** {@code caPem}: the CAs a TLS server's certificate must chain to (null: the JVM's). */
  public static void send(SyslogTarget target, String caPem, SyslogMessage message)
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
          try (SSLSocket tls =
              (SSLSocket)
                  TrustedTls.context(caPem)
                      .getSocketFactory()
                      .createSocket(plain, target.host(), target.port(), true)) {
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setProtocols(TrustedTls.PROTOCOLS);
            // RFC 5425 §5.2: the server's name is checked against its certificate.
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
            tls.startHandshake();
            OutputStream out = tls.getOutputStream();
            out.write(message.octetCounted());
            out.flush();
          }
        }
      }
    }
  }
}
