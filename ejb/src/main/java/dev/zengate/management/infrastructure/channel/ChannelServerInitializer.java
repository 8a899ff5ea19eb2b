package dev.zengate.management.infrastructure.channel;

import dev.zengate.bundle.channel.ChannelCodec;
import dev.zengate.bundle.channel.ChannelMessage;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The member side of a channel connection: TLS 1.3 with a required client certificate, the
 * handshake forced under a timeout, frames of at most {@link ChannelMessage#MAX_NODE_FRAME_BYTES},
 * a heartbeat after 5 s without writing.
 */
final class ChannelServerInitializer extends ChannelInitializer<SocketChannel> {

  private final SslContext tls;
  private final ChannelBackend backend;
  private final ChannelSessions sessions;
  private final Executor executor;

  ChannelServerInitializer(
      SslContext tls, ChannelBackend backend, ChannelSessions sessions, Executor executor) {
    this.tls = tls;
    this.backend = backend;
    this.sessions = sessions;
    this.executor = executor;
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    SslHandler ssl = tls.newHandler(channel.alloc());
    ssl.setHandshakeTimeout(10, TimeUnit.SECONDS);
    channel
        .pipeline()
        .addLast("tls", ssl)
        .addLast("idle", new IdleStateHandler(0, 5, 0))
        .addLast(
            "frames",
            new LengthFieldBasedFrameDecoder(ChannelMessage.MAX_NODE_FRAME_BYTES, 0, 4, 0, 4))
        .addLast("length", new io.netty.handler.codec.LengthFieldPrepender(4))
        .addLast("json", new ChannelCodec())
        .addLast("node", new NodeConnection(backend, sessions, executor));
  }
}
