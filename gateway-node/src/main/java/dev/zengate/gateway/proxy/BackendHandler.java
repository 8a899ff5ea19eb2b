package dev.zengate.gateway.proxy;

import dev.zengate.gateway.metrics.GatewayMetrics.ListenerMetrics;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.ssl.SslCloseCompletionEvent;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;

/** The target side of a connection: relays the target's bytes back to the partner. */
final class BackendHandler extends ChannelInboundHandlerAdapter {

  private final Channel inbound;
  private final FrontendHandler frontend;
  private final ConnectionRecord record;
  private final ListenerMetrics metrics;
  private SslHandler tls;
  private boolean closeReported;

  BackendHandler(
      Channel inbound, FrontendHandler frontend, ConnectionRecord record, ListenerMetrics metrics) {
    this.inbound = inbound;
    this.frontend = frontend;
    this.record = record;
    this.metrics = metrics;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    tls = ctx.pipeline().get(SslHandler.class);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf buf) {
      record.bytesDownstream += buf.readableBytes();
      metrics.bytesDownstream(buf.readableBytes());
    }
    if (frontend.clientCannotReceive()) {
      ReferenceCountUtil.release(msg);
      record.closeReason("answer_lost_after_client_close_notify");
      frontend.closeBoth();
    } else if (inbound.isActive()) {
      inbound.write(msg, inbound.voidPromise());
    } else {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    checkTargetCloseNotify();
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
    if (event instanceof ChannelInputShutdownEvent) {
      frontend.targetFinishedSending();
    } else if (event instanceof SslCloseCompletionEvent) {
      closeReported = true;
      checkTargetCloseNotify();
    }
    ReferenceCountUtil.release(event);
  }

  /**
   * Once the event came, the engine's inbound state says whether close_notify did (see
   * FrontendHandler.checkClientCloseNotify, also for why not before the handshake is over).
   */
  private void checkTargetCloseNotify() {
    if (closeReported
        && tls != null
        && tls.handshakeFuture().isSuccess()
        && tls.engine().isInboundDone()) {
      frontend.targetClosedTls(!tls.engine().isOutboundDone());
    }
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
