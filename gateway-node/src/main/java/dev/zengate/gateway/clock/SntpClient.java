package dev.zengate.gateway.clock;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One SNTP query (RFC 4330) over UDP: how far this host's clock is from a time server's. Enough to
 * warn about skew; the node never sets the clock (that is the host's NTP daemon's job).
 */
public final class SntpClient {

  /** Seconds from the NTP epoch (1900) to the Unix epoch (1970). */
  static final long NTP_EPOCH_OFFSET = 2_208_988_800L;

  static final int PACKET_SIZE = 48;
  private static final int MODE_CLIENT = 3;
  private static final int MODE_SERVER = 4;
  private static final int VERSION = 4;

  private final Clock clock;

  public SntpClient(Clock clock) {
    this.clock = clock;
  }

  /**
   * @param offset how far the server's clock is ahead of ours (negative: ours is ahead)
   * @param roundTrip the network delay of the exchange
   */
  public record Reading(Duration offset, Duration roundTrip) {}

  /**
   * Asks {@code server} once.
   *
   * @throws IOException when no valid answer arrives within {@code timeout}
   */
  public Reading query(InetSocketAddress server, Duration timeout) throws IOException {
    try (DatagramSocket socket = new DatagramSocket()) {
      socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
      byte[] request = new byte[PACKET_SIZE];
      request[0] = (byte) (VERSION << 3 | MODE_CLIENT);
      Instant sent = clock.instant();
      byte[] transmit = timestamp(sent);
      System.arraycopy(transmit, 0, request, 40, 8);
      socket.send(new DatagramPacket(request, request.length, server));
      byte[] answer = new byte[PACKET_SIZE];
      DatagramPacket packet = new DatagramPacket(answer, answer.length);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (true) {
        try {
          socket.receive(packet);
        } catch (SocketTimeoutException e) {
          throw new IOException(
              "no answer from " + server + " within " + timeout.toMillis() + " ms");
        }
        Instant received = clock.instant();
        if (packet.getSocketAddress().equals(server) && answersTo(answer, packet, transmit)) {
          return reading(answer, sent, received);
        }
        // Not ours (late answer, stray datagram): wait for the rest of the timeout.
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IOException("no valid answer from " + server);
        }
        socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
      }
    }
  }

  private static boolean answersTo(byte[] answer, DatagramPacket packet, byte[] transmit)
      throws IOException {
    if (packet.getLength() < PACKET_SIZE) {
      return false;
    }
    int mode = answer[0] & 0x7;
    if (mode != MODE_SERVER) {
      return false;
    }
    for (int i = 0; i < 8; i++) {
      if (answer[24 + i] != transmit[i]) {
        return false; // the originate timestamp must echo our transmit timestamp
      }
    }
    int stratum = answer[1] & 0xff;
    if (stratum == 0 || (answer[0] & 0xc0) == 0xc0) {
      throw new IOException("the server is not synchronised (kiss-o'-death or alarm)");
    }
    return true;
  }

  private static Reading reading(byte[] answer, Instant t1, Instant t4) {
    long t1n = nanos(t1);
    long t4n = nanos(t4);
    long t2n = nanos(instant(answer, 32));
    long t3n = nanos(instant(answer, 40));
    long offset = ((t2n - t1n) + (t3n - t4n)) / 2;
    long delay = (t4n - t1n) - (t3n - t2n);
    return new Reading(Duration.ofNanos(offset), Duration.ofNanos(Math.max(0, delay)));
  }

  private static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  /** NTP's 64-bit timestamp: seconds since 1900 and a binary fraction. */
  static byte[] timestamp(Instant instant) {
    long seconds = instant.getEpochSecond() + NTP_EPOCH_OFFSET;
    long fraction = ((long) instant.getNano() << 32) / 1_000_000_000L;
    return ByteBuffer.allocate(8).putInt((int) seconds).putInt((int) fraction).array();
  }

  static Instant instant(byte[] packet, int at) {
    ByteBuffer buffer = ByteBuffer.wrap(packet, at, 8);
    long seconds = buffer.getInt() & 0xffffffffL;
    long fraction = buffer.getInt() & 0xffffffffL;
    return Instant.ofEpochSecond(seconds - NTP_EPOCH_OFFSET, (fraction * 1_000_000_000L) >>> 32);
  }
}
