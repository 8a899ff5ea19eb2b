package dev.zengate.management.infrastructure.channel;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.net.InetSocketAddress;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * The node-channel listener of one management member: a Netty server for TLS 1.3 with mutual
 * authentication against the cluster's node-channel CA.
 */
public final class ChannelServer implements AutoCloseable {

  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final Channel listener;
  private final ChannelSessions sessions;

  private ChannelServer(
      EventLoopGroup boss, EventLoopGroup workers, Channel listener, ChannelSessions sessions) {
    this.boss = boss;
    this.workers = workers;
    this.listener = listener;
    this.sessions = sessions;
  }

  public static SslContext serverTls(
      PrivateKey key, X509Certificate certificate, X509Certificate ca) throws SSLException {
    return SslContextBuilder.forServer(key, certificate, ca)
        .sslProvider(SslProvider.JDK)
        .protocols("TLSv1.3")
        .trustManager(ca)
        .clientAuth(ClientAuth.REQUIRE)
        .build();
  }

  /** Binds and returns the running listener; throws when the address cannot be bound. */
  public static ChannelServer start(
      InetSocketAddress address,
      SslContext tls,
      ChannelBackend backend,
      Executor executor,
      ThreadFactory threads)
      throws InterruptedException {
    EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, threads, NioIoHandler.newFactory());
    EventLoopGroup workers = new MultiThreadIoEventLoopGroup(2, threads, NioIoHandler.newFactory());
    try {
      ChannelSessions sessions = new ChannelSessions();
      Channel listener =
          new ServerBootstrap()
              .group(boss, workers)
              .channel(NioServerSocketChannel.class)
              .option(ChannelOption.SO_BACKLOG, 1024)
              .childHandler(new ChannelServerInitializer(tls, backend, sessions, executor))
              .bind(address)
              .sync()
              .channel();
      return new ChannelServer(boss, workers, listener, sessions);
    } catch (RuntimeException | InterruptedException e) {
      boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      throw e;
    }
  }

  public ChannelSessions sessions() {
    return sessions;
  }

  public int port() {
    return ((InetSocketAddress) listener.localAddress()).getPort();
  }

  @Override
  public void close() {
    listener.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }
}
