package dev.zengate.gateway.proxy;

import dev.zengate.gateway.metrics.GatewayMetrics.ListenerMetrics;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.ssl.SslCloseCompletionEvent;
import io.netty.util.ReferenceCountUtil;

/** The target side of a connection: relays the target's bytes back to the partner. */
final class BackendHandler extends ChannelInboundHandlerAdapter {

  private final Channel inbound;
  private final FrontendHandler frontend;
  private final ConnectionRecord record;
  private final ListenerMetrics metrics;

  BackendHandler(
      Channel inbound, FrontendHandler frontend, ConnectionRecord record, ListenerMetrics metrics) {
    this.inbound = inbound;
    this.frontend = frontend;
    this.record = record;
    this.metrics = metrics;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf buf) {
      record.bytesDownstream += buf.readableBytes();
      metrics.bytesDownstream(buf.readableBytes());
    }
    if (inbound.isActive()) {
      inbound.write(msg, inbound.voidPromise());
    } else {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    inbound.flush();
    if (inbound.isWritable()) {
      ctx.read();
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable()) {
      inbound.read();
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof ChannelInputShutdownEvent || event instanceof SslCloseCompletionEvent) {
      frontend.targetFinishedSending();
    }
    ReferenceCountUtil.release(event);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    record.closeReason("target_closed");
    Relay.closeOnFlush(inbound);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (!record.handshakeFailed) {
      record.closeReason("target_error:" + FrontendHandler.oneLine(cause));
    }
    frontend.closeBoth();
  }
}
