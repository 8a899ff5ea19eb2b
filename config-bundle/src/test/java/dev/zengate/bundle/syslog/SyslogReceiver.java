package dev.zengate.bundle.syslog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A syslog server on 127.0.0.1 for tests: UDP (one message per datagram, RFC 5426), TCP (RFC 6587
 * octet counting, one connection after another) or TLS (RFC 5425: the same framing inside TLS),
 * every message parsed strictly as RFC 5424. A message that does not parse is kept as a failure,
 * and {@link #take} reports it.
 */
public final class SyslogReceiver implements AutoCloseable {

  private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
  private final DatagramSocket udp;
  private final ServerSocket tcp;
  private final Thread thread;
  private final int port;

  private SyslogReceiver(DatagramSocket udp, ServerSocket tcp) {
    this.udp = udp;
    this.tcp = tcp;
    this.port = udp != null ? udp.getLocalPort() : tcp.getLocalPort();
    this.thread = new Thread(udp != null ? this::receiveUdp : this::acceptTcp, "syslog-receiver");
    thread.setDaemon(true);
    thread.start();
  }

  public static SyslogReceiver udp() throws IOException {
    return new SyslogReceiver(
        new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)), null);
  }

  /** A TCP receiver on {@code port} (0: any free one). */
  public static SyslogReceiver tcp(int port) throws IOException {
    ServerSocket server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    return new SyslogReceiver(null, server);
  }

  /** A TLS receiver (RFC 5425) with the server certificate of {@code tls}, on any free port. */
  public static SyslogReceiver tls(javax.net.ssl.SSLContext tls) throws IOException {
    ServerSocket server =
        tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    return new SyslogReceiver(null, server);
  }

  public int port() {
    return port;
  }

  private void receiveUdp() {
    byte[] buffer = new byte[65535];
    while (!udp.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        udp.receive(packet);
      } catch (IOException closed) {
        return;
      }
      byte[] datagram = new byte[packet.getLength()];
      System.arraycopy(buffer, 0, datagram, 0, datagram.length);
      keep(datagram);
    }
  }

  private void acceptTcp() {
    while (!tcp.isClosed()) {
      try (Socket connection = tcp.accept()) {
        connection.setSoTimeout(10_000);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        InputStream in = connection.getInputStream();
        in.transferTo(stream);
        for (byte[] frame : Rfc5424.octetCountedFrames(stream.toByteArray())) {
          keep(frame);
        }
      } catch (SocketException closed) {
        return;
      } catch (IOException | RuntimeException e) {
        received.add(e);
      }
    }
  }

  private void keep(byte[] bytes) {
    try {
      received.add(Rfc5424.parse(bytes));
    } catch (RuntimeException e) {
      received.add(e);
    }
  }

  /** The next message, waiting at most {@code seconds}; null when none came. */
  public Rfc5424.Message take(int seconds) throws InterruptedException {
    Object next = received.poll(seconds, TimeUnit.SECONDS);
    if (next instanceof Exception e) {
      throw new AssertionError("the syslog receiver got a bad message: " + e.getMessage(), e);
    }
    return (Rfc5424.Message) next;
  }

  /** Exactly {@code count} messages, then none within {@code quietSeconds}. */
  public List<Rfc5424.Message> exactly(int count, int quietSeconds) throws InterruptedException {
    List<Rfc5424.Message> messages = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Rfc5424.Message message = take(15);
      if (message == null) {
        throw new AssertionError("expected " + count + " syslog messages, got " + messages);
      }
      messages.add(message);
    }
    Rfc5424.Message extra = take(quietSeconds);
    if (extra != null) {
      throw new AssertionError("an unexpected syslog message: " + extra);
    }
    return messages;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (udp != null) {
      udp.close();
    }
    if (tcp != null) {
      tcp.close();
    }
    thread.join(5_000);
  }
}
