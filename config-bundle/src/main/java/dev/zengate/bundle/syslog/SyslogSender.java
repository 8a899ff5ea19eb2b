package dev.zengate.bundle.syslog;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Sends one message to a syslog server: UDP (RFC 5426, one datagram, no acknowledgement: a server
 * that is down is not noticed) or TCP (RFC 6587 octet counting; a refused or timed-out connection
 * is a failure the caller retries).
 */
public final class SyslogSender {

  private static final int TIMEOUT_MILLIS = 5_000;

  private SyslogSender() {}

  public static void send(SyslogTarget target, SyslogMessage message) throws IOException {
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
    }
  }
}
