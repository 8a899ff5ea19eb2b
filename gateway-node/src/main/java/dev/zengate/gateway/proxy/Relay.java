package dev.zengate.gateway.proxy;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.ssl.SslHandler;

/** Small operations both relay directions share. */
final class Relay {

  /**
   * Per-channel outbound buffer bounds: writing stops reading the other side above 256 KiB and
   * resumes below 64 KiB, so a slow reader holds at most a few hundred KiB per connection.
   */
  static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(64 * 1024, 256 * 1024);

  private Relay() {}

  /** Closes once everything already written has been flushed. */
  static void closeOnFlush(Channel channel) {
    if (channel.isActive()) {
      channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
  }

  /**
   * Forwards "no more data from me" to the other peer: a TCP FIN on plaintext, close_notify then
   * FIN on TLS, while the reverse direction keeps flowing.
   */
  static void shutdownOutput(Channel channel) {
    if (!channel.isActive()) {
      return;
    }
    channel.flush();
    SslHandler tls = channel.pipeline().get(SslHandler.class);
    if (tls != null) {
      tls.closeOutbound().addListener(done -> shutdownSocketOutput(channel));
    } else {
      shutdownSocketOutput(channel);
    }
  }

  private static void shutdownSocketOutput(Channel channel) {
    if (channel instanceof DuplexChannel duplex && channel.isActive()) {
      duplex.shutdownOutput();
    }
  }
}
