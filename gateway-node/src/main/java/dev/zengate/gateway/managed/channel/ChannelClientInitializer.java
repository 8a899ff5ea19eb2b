package dev.zengate.gateway.managed.channel;

import dev.zengate.bundle.channel.ChannelCodec;
import dev.zengate.bundle.channel.ChannelMessage;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The node side of a channel connection: TLS 1.3 with the node's client certificate, then frames of
 * at most {@link ChannelMessage#MAX_BUNDLE_FRAME_BYTES} (a 4-byte length, then JSON).
 */
final class ChannelClientInitializer extends ChannelInitializer<SocketChannel> {

  /** The member sends a heartbeat every 5 s when idle: three missed ones mean it is gone. */
  static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

  private final SslContext tls;
  private final String host;
  private final int port;
  private final ChannelClient.Session session;

  ChannelClientInitializer(SslContext tls, String host, int port, ChannelClient.Session session) {
    this.tls = tls;
    this.host = host;
    this.port = port;
    this.session = session;
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    channel
        .pipeline()
        .addLast("tls", tls.newHandler(channel.alloc(), host, port))
        .addLast("idle", new ReadTimeoutHandler(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
        .addLast(
            "frames",
            new LengthFieldBasedFrameDecoder(ChannelMessage.MAX_BUNDLE_FRAME_BYTES, 0, 4, 0, 4))
        .addLast("length", new LengthFieldPrepender(4))
        .addLast("json", new ChannelCodec())
        .addLast("session", session);
  }
}
