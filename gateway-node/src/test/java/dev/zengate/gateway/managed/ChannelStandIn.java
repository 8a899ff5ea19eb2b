package dev.zengate.gateway.managed;

import dev.zengate.bundle.BundleJson;
import dev.zengate.bundle.ConfigBundle;
import dev.zengate.bundle.NodeReport;
import dev.zengate.bundle.SignedBundle;
import dev.zengate.bundle.channel.ChannelMessage;
import dev.zengate.gateway.testsupport.TestPki;
import dev.zengate.gateway.testsupport.TestPki.Issued;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.codec.MessageToMessageCodec;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Plays one member of the management cluster on the node channel, for the node's own tests: a real
 * TLS 1.3 listener that requires a client certificate of its own CA, answers a hello with the
 * current bundle when it is newer (as the member answers from PostgreSQL), pushes published bundles
 * to the connected node, collects its reports and lease renewals, and answers witness questions.
 * The management side's own checks (identity, rate limits) are tested in the web module.
 */
final class ChannelStandIn implements AutoCloseable {

  final Issued ca;
  final int port;
  private final TestPki pki;
  private final SslContext tls;
  private EventLoopGroup group;
  private Channel listener;
  private volatile Channel node;
  private volatile String current;
  private volatile long currentVersion;
  final ConcurrentLinkedQueue<NodeReport> reports = new ConcurrentLinkedQueue<>();
  final ConcurrentLinkedQueue<Long> leaseRenewals = new ConcurrentLinkedQueue<>();
  volatile String witnessVerdict = "agreed";

  ChannelStandIn(Path dir, int port) throws Exception {
    this.pki = new TestPki(dir);
    this.ca = pki.rootCa("channel-ca");
    this.port = port;
    Issued member =
        pki.server(
            ca, "member", TestPki.KeyType.EC_P256, List.of("localhost"), List.of("127.0.0.1"));
    this.tls =
        SslContextBuilder.forServer(member.key(), member.cert(), ca.cert())
            .sslProvider(SslProvider.JDK)
            .protocols("TLSv1.3")
            .trustManager(ca.cert())
            .clientAuth(ClientAuth.REQUIRE)
            .build();
  }

  /** A client certificate for a node, as enrollment issues one. */
  Issued issueNodeCertificate(String name) throws Exception {
    return pki.client(ca, name);
  }

  String endpoint() {
    return "127.0.0.1:" + port;
  }

  /** Starts listening (again, after {@link #close}: the same CA, port and current bundle). */
  ChannelStandIn start() throws InterruptedException {
    group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    listener =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(tls.newHandler(ch.alloc()))
                        .addLast(new LengthFieldBasedFrameDecoder(1 << 24, 0, 4, 0, 4))
                        .addLast(new LengthFieldPrepender(4))
                        .addLast(new Codec())
                        .addLast(new Member());
                  }
                })
            .bind(new InetSocketAddress("127.0.0.1", port))
            .sync()
            .channel();
    return this;
  }

  /** Publishes: stored as the node's current bundle and pushed if it is connected. */
  void publish(String signedBundle) throws Exception {
    current = signedBundle;
    currentVersion = version(signedBundle);
    Channel connected = node;
    if (connected != null) {
      connected.writeAndFlush(new ChannelMessage.Bundle(signedBundle));
    }
  }

  /** Pushes anything, as a compromised or confused member might. */
  void push(String anything) {
    node.writeAndFlush(new ChannelMessage.Bundle(anything));
  }

  boolean connected() {
    Channel connected = node;
    return connected != null && connected.isActive();
  }

  private static long version(String signed) {
    try {
      SignedBundle envelope = BundleJson.read(signed, SignedBundle.class);
      return BundleJson.read(
              dev.zengate.bundle.Base64Text.decode(envelope.payload()), ConfigBundle.class)
          .version();
    } catch (Exception unreadable) {
      return Long.MAX_VALUE;
    }
  }

  private final class Member extends SimpleChannelInboundHandler<ChannelMessage> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ChannelMessage message) {
      if (message instanceof ChannelMessage.Hello hello) {
        node = ctx.channel();
        String now = current;
        if (now != null && currentVersion > hello.runningVersion()) {
          ctx.writeAndFlush(new ChannelMessage.Bundle(now));
        }
      } else if (message instanceof ChannelMessage.Report report) {
        reports.add(report.report());
      } else if (message instanceof ChannelMessage.LeaseRenewal renewal) {
        leaseRenewals.add(renewal.pairId());
      } else if (message instanceof ChannelMessage.WitnessQuestion question) {
        ctx.writeAndFlush(new ChannelMessage.WitnessAnswer(question.id(), witnessVerdict));
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }

  private static final class Codec extends MessageToMessageCodec<ByteBuf, ChannelMessage> {
    @Override
    protected void encode(ChannelHandlerContext ctx, ChannelMessage msg, List<Object> out) {
      out.add(Unpooled.wrappedBuffer(ChannelMessage.encode(msg)));
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out)
        throws Exception {
      out.add(ChannelMessage.decode(ByteBufUtil.getBytes(frame)));
    }
  }

  @Override
  public void close() {
    if (listener != null) {
      listener.close().awaitUninterruptibly();
    }
    Channel connected = node;
    if (connected != null) {
      connected.close().awaitUninterruptibly();
    }
    node = null;
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
  }
}
