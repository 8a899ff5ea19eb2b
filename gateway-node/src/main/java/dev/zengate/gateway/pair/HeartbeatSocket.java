package dev.zengate.gateway.pair;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;

/**
 * The UDP socket advertisements are sent from and received on. Not connected, so an ICMP
 * unreachable from a dead peer never turns into an error on the next receive. Non-blocking, with a
 * selector so that one thread can wait for datagrams, its own timers and wake-ups at once.
 */
final class HeartbeatSocket implements AutoCloseable {

  /** A datagram as received. */
  record Received(byte[] data, int length, InetSocketAddress source) {}

  private final DatagramChannel channel;
  private final Selector selector;
  private final ByteBuffer buffer = ByteBuffer.allocate(AdvertCodec.MAX_SIZE + 1);

  HeartbeatSocket(InetSocketAddress listen) throws IOException {
    this.selector = Selector.open();
    DatagramChannel opened = DatagramChannel.open();
    try {
      opened.bind(listen);
      opened.configureBlocking(false);
      opened.register(selector, SelectionKey.OP_READ);
    } catch (IOException | RuntimeException e) {
      opened.close();
      selector.close();
      throw new IOException("cannot listen for pair heartbeats on " + listen + ": " + e, e);
    }
    this.channel = opened;
  }

  InetSocketAddress localAddress() throws IOException {
    return (InetSocketAddress) channel.getLocalAddress();
  }

  /** Sends one datagram; a full socket buffer drops it (the next advertisement follows soon). */
  void send(byte[] datagram, InetSocketAddress to) throws IOException {
    channel.send(ByteBuffer.wrap(datagram), to);
  }

  /** Waits up to {@code millis} (at least 1) for a datagram or a {@link #wakeup()}. */
  void await(long millis) throws IOException {
    selector.select(Math.max(1, millis));
    selector.selectedKeys().clear();
  }

  void wakeup() {
    selector.wakeup();
  }

  /** The next queued datagram, or null when none is waiting. */
  Received receive() throws IOException {
    buffer.clear();
    SocketAddress source = channel.receive(buffer);
    if (source == null) {
      return null;
    }
    buffer.flip();
    byte[] data = new byte[buffer.remaining()];
    buffer.get(data);
    return new Received(data, data.length, (InetSocketAddress) source);
  }

  @Override
  public void close() throws IOException {
    try {
      channel.close();
    } finally {
      selector.close();
    }
  }
}
