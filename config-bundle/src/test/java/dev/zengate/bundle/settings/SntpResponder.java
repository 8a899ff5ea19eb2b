package dev.zengate.bundle.settings;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;

/**
 * A time server on 127.0.0.1 for tests: answers SNTP requests (RFC 4330) with this machine's clock
 * shifted by {@code offset}, as a server whose clock is that far ahead of the node's would.
 */
public final class SntpResponder implements AutoCloseable {

  private static final long NTP_EPOCH_OFFSET = 2_208_988_800L;

  private final DatagramSocket socket;
  private final Thread thread;
  private volatile Duration offset;

  private SntpResponder(Duration offset) throws IOException {
    this.offset = offset;
    this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    this.thread = new Thread(this::serve, "sntp-responder");
    thread.setDaemon(true);
    thread.start();
  }

  public static SntpResponder ahead(Duration offset) throws IOException {
    return new SntpResponder(offset);
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** {@code 127.0.0.1:PORT}, as written in {@code node.ntpServers}. */
  public String address() {
    return "127.0.0.1:" + port();
  }

  private void serve() {
    byte[] buffer = new byte[48];
    while (!socket.isClosed()) {
      try {
        DatagramPacket request = new DatagramPacket(buffer, buffer.length);
        socket.receive(request);
        Instant received = Instant.now().plus(offset);
        byte[] answer = new byte[48];
        answer[0] = (byte) (4 << 3 | 4); // version 4, mode server
        answer[1] = 2; // stratum
        System.arraycopy(buffer, 40, answer, 24, 8); // originate = the client's transmit
        System.arraycopy(timestamp(received), 0, answer, 32, 8);
        System.arraycopy(timestamp(Instant.now().plus(offset)), 0, answer, 40, 8);
        socket.send(new DatagramPacket(answer, answer.length, request.getSocketAddress()));
      } catch (IOException e) {
        // closed
      }
    }
  }

  private static byte[] timestamp(Instant instant) {
    long seconds = instant.getEpochSecond() + NTP_EPOCH_OFFSET;
    long fraction = ((long) instant.getNano() << 32) / 1_000_000_000L;
    return ByteBuffer.allocate(8).putInt((int) seconds).putInt((int) fraction).array();
  }

  @Override
  public void close() throws InterruptedException {
    socket.close();
    thread.join(5_000);
  }
}
