package dev.zengate.gateway.proxy;

import dev.zengate.gateway.config.HostPort;
import dev.zengate.gateway.metrics.GatewayMetrics.ListenerMetrics;
import dev.zengate.gateway.partners.PartnerCertificates;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.ssl.SslCloseCompletionEvent;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.NetUtil;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * The accepted side of a connection. Once the partner's handshake (if any) has succeeded it
 * connects to the target on the same event loop, waits for the target's handshake (if any), and
 * then relays, reading only while the other side can take more.
 */
final class FrontendHandler extends ChannelInboundHandlerAdapter {

  private final ListenerSettings settings;
  private final Transport transport;
  private final ConnectionRecord record;
  private final ListenerMetrics metrics;
  private final PartnerCertificates partners;

  /** Plaintext decoded before the target was ready (e.g. sent with the client's Finished). */
  private final Queue<Object> early = new ArrayDeque<>();

  private Channel inbound;
  private SslHandler inboundTls;
  private Channel outbound;
  private boolean relaying;
  private boolean clientDone;
  private boolean targetDone;

  /** The client's engine reported close_notify (possibly early): its state is checked from then. */
  private boolean clientCloseReported;

  /** The client's engine closed our sending direction with its close_notify answer. */
  private boolean clientCannotReceive;

  /** The target's engine closed our sending direction with its close_notify answer. */
  private boolean targetCannotReceive;

  FrontendHandler(
      ListenerSettings settings,
      Transport transport,
      ConnectionRecord record,
      ListenerMetrics metrics,
      PartnerCertificates partners) {
    this.settings = settings;
    this.transport = transport;
    this.record = record;
    this.metrics = metrics;
    this.partners = partners;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    inbound = ctx.channel();
    inboundTls = ctx.pipeline().get(SslHandler.class);
    if (settings.downstreamContext() == null) {
      connect();
    } else {
      // AUTO_READ is off: ask for the ClientHello; the SslHandler reads on until it is done.
      ctx.read();
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof SslHandshakeCompletionEvent handshake) {
      if (handshake.isSuccess()) {
        connect();
      } else {
        ctx.close();
      }
    } else if (event instanceof IdleStateEvent) {
      record.closeReason("idle_timeout");
      closeBoth();
    } else if (event instanceof ChannelInputShutdownEvent) {
      clientFinishedSending();
    } else if (event instanceof SslCloseCompletionEvent) {
      clientCloseReported = true;
      checkClientCloseNotify();
    }
    ReferenceCountUtil.release(event);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf buf) {
      record.bytesUpstream += buf.readableBytes();
      metrics.bytesUpstream(buf.readableBytes());
    }
    if (targetCannotReceive) {
      ReferenceCountUtil.release(msg);
      record.closeReason("request_lost_after_target_close_notify");
      closeBoth();
    } else if (relaying && outbound.isActive()) {
      outbound.write(msg, outbound.voidPromise());
    } else if (!relaying && inbound.isActive()) {
      early.add(msg);
    } else {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    checkClientCloseNotify();
    if (relaying) {
      outbound.flush();
      if (outbound.isWritable()) {
        ctx.read();
      }
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (relaying && ctx.channel().isWritable()) {
      outbound.read();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    record.closeReason(clientDone ? "closed" : "client_closed");
    releaseEarly();
    if (outbound != null) {
      Relay.closeOnFlush(outbound);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (!record.handshakeFailed) {
      record.closeReason("client_error:" + oneLine(cause));
    }
    closeBoth();
  }

  /** Called by the backend side when the target has sent everything it will send. */
  void targetFinishedSending() {
    if (targetDone) {
      return;
    }
    targetDone = true;
    Relay.shutdownOutput(inbound);
    closeIfBothDone();
  }

  /**
   * Called by the backend side once the target's close_notify has arrived; {@code
   * upstreamCanStillSend} is false when the upstream engine answered it by closing our sending
   * direction too.
   */
  void targetClosedTls(boolean upstreamCanStillSend) {
    if (targetDone) {
      return;
    }
    // Nothing more the client sends can reach the target (see checkClientCloseNotify): wait for
    // the client's end, and drop the connection with a logged reason if it sends more.
    targetCannotReceive = !upstreamCanStillSend;
    targetFinishedSending();
  }

  /** Whether the target's bytes can no longer reach the client (see checkClientCloseNotify). */
  boolean clientCannotReceive() {
    return clientCannotReceive;
  }

  void closeBoth() {
    releaseEarly();
    if (outbound != null) {
      outbound.close();
    }
    inbound.close();
  }

  /**
   * The client's close_notify ends only its direction in TLS 1.3, but Netty's OpenSSL engine (any
   * TLS version) and the JDK engine on TLS 1.2 answer it with their own close_notify and refuse to
   * send anything after it. Then a late answer of the target cannot reach the client any more: the
   * end of the request is still forwarded and the target's end awaited, as for an ordinary close;
   * if the target answers after all, the connection is dropped and the log says why. The event that
   * reports close_notify can also fire early (Netty's OpenSSL engine reports every record read
   * after our own close_notify as CLOSED), so once the event came the engine's inbound state
   * decides, checked after every read; before it, reads cost no engine call (each takes the
   * engine's lock).
   */
  private void checkClientCloseNotify() {
    // Engine methods lock the engine, which a handshake task waiting for an OCSP responder holds:
    // asking before the handshake is over would stall this whole event loop.
    if (!clientCloseReported
        || clientDone
        || inboundTls == null
        || !inboundTls.handshakeFuture().isSuccess()
        || !inboundTls.engine().isInboundDone()) {
      return;
    }
    clientCannotReceive = inboundTls.engine().isOutboundDone();
    clientFinishedSending();
  }

  private void clientFinishedSending() {
    if (clientDone) {
      return;
    }
    clientDone = true;
    if (relaying) {
      Relay.shutdownOutput(outbound);
    }
    closeIfBothDone();
  }

  private void closeIfBothDone() {
    // Before the relay starts, what the client sent waits in `early`: startRelay checks again.
    if (clientDone && targetDone && relaying) {
      record.closeReason("closed");
      Relay.closeOnFlush(inbound);
      if (outbound != null) {
        Relay.closeOnFlush(outbound);
      }
    }
  }

  private void connect() {
    HostPort target = settings.target();
    Bootstrap bootstrap =
        new Bootstrap()
            .group(inbound.eventLoop())
            .channel(transport.socketChannel())
            .resolver(transport.resolver(settings.nameServers()))
            .option(ChannelOption.AUTO_READ, false)
            .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.WRITE_BUFFER_WATER_MARK, Relay.WATER_MARK)
            .option(
                ChannelOption.CONNECT_TIMEOUT_MILLIS,
                (int) settings.limits().connectTimeout().toMillis())
            .handler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    if (settings.upstreamContext() != null) {
                      SslHandler tls =
                          OriginationHandlers.create(
                              settings,
                              ch,
                              transport.tlsTasks(settings.upstreamRevocation() != null));
                      tls.setHandshakeTimeoutMillis(
                          settings.limits().handshakeTimeout().toMillis());
                      ch.pipeline().addLast("tls", tls);
                      ch.pipeline()
                          .addLast(
                              "handshake",
                              new HandshakeObserver(record, metrics, false, null, partners));
                    }
                    ch.pipeline()
                        .addLast(
                            "relay",
                            new BackendHandler(inbound, FrontendHandler.this, record, metrics));
                  }
                });
    InetSocketAddress remote = targetAddress(target);
    ChannelFuture connecting =
        settings.sourceAddress() == null
            ? bootstrap.connect(remote)
            : bootstrap.connect(remote, new InetSocketAddress(settings.sourceAddress(), 0));
    outbound = connecting.channel();
    connecting.addListener(
        (ChannelFuture future) -> {
          if (!future.isSuccess()) {
            record.closeReason("connect_failed:" + connectFailure(future.cause()));
            closeBoth();
          } else if (!inbound.isActive()) {
            outbound.close();
          } else {
            SslHandler tls = outbound.pipeline().get(SslHandler.class);
            if (tls == null) {
              startRelay();
            } else {
              bindClientIdentity(tls);
              tls.handshakeFuture()
                  .addListener(
                      handshake -> {
                        if (handshake.isSuccess()) {
                          startRelay();
                        } else {
                          closeBoth();
                        }
                      });
            }
          }
        });
  }

  /**
   * The certificate table matches the target's address and the internal client's address; the
   * server asks for a certificate only after this, when the connection is established. Without a
   * table the choice does not depend on the connection and nothing is recorded.
   */
  private void bindClientIdentity(SslHandler tls) {
    if (settings.upstreamIdentity() != null
        && settings.upstreamIdentity().variesPerConnection()
        && outbound.remoteAddress() instanceof InetSocketAddress destination
        && inbound.remoteAddress() instanceof InetSocketAddress source) {
      settings.upstreamIdentity().bind(tls.engine(), destination.getAddress(), source.getAddress());
    }
  }

  private void startRelay() {
    if (!inbound.isActive()) {
      outbound.close();
      return;
    }
    relaying = true;
    Object msg;
    while ((msg = early.poll()) != null) {
      outbound.write(msg, outbound.voidPromise());
    }
    outbound.flush();
    if (clientDone) {
      Relay.shutdownOutput(outbound);
      closeIfBothDone();
    }
    inbound.read();
    outbound.read();
  }

  private void releaseEarly() {
    Object msg;
    while ((msg = early.poll()) != null) {
      ReferenceCountUtil.release(msg);
    }
  }

  /** IP literals are used as they are; names are left to the transport's resolver. */
  static InetSocketAddress targetAddress(HostPort target) {
    InetAddress literal = NetUtil.createInetAddressFromIpAddressString(target.host());
    return literal != null
        ? new InetSocketAddress(literal, target.port())
        : InetSocketAddress.createUnresolved(target.host(), target.port());
  }

  private String connectFailure(Throwable cause) {
    if (cause instanceof UnknownHostException) {
      return "unknown_host:" + settings.target().host();
    }
    if (cause instanceof ConnectTimeoutException) {
      return "timeout_after_" + settings.limits().connectTimeout().toMillis() + "ms";
    }
    return oneLine(cause);
  }

  static String oneLine(Throwable cause) {
    if (cause == null) {
      return "unknown";
    }
    String message =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return message.replace('\n', ' ').replace(' ', '_');
  }
}
