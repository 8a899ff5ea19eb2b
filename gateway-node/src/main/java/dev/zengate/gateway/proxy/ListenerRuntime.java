package dev.zengate.gateway.proxy;

import dev.zengate.gateway.config.HostPort;
import dev.zengate.gateway.metrics.GatewayMetrics;
import dev.zengate.gateway.partners.PartnerCertificates;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One bound address and the connections accepted on it. Its settings sit in an atomic reference
 * read once per accepted connection (as ghostunnel does), so a reload that changes the certificate
 * or target applies to new connections while established ones carry on.
 */
final class ListenerRuntime {

  private final HostPort bind;
  private final AtomicReference<ListenerSettings> settings;
  private final Transport transport;
  private final GatewayMetrics metrics;
  private final ServingGate gate;
  private final PartnerCertificates partners;
  private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final AtomicInteger open = new AtomicInteger();
  private final LogThrottle rejectionLog = new LogThrottle();
  private volatile Channel serverChannel;

  ListenerRuntime(
      ListenerSettings initial,
      Transport transport,
      GatewayMetrics metrics,
      ServingGate gate,
      PartnerCertificates partners) {
    this.bind = initial.bind();
    this.settings = new AtomicReference<>(initial);
    this.transport = transport;
    this.metrics = metrics;
    this.gate = gate;
    this.partners = partners;
  }

  PartnerCertificates partners() {
    return partners;
  }

  /** Whether new connections are served now (false on a pair member that is backup). */
  boolean serving() {
    return gate.isOpen();
  }

  HostPort bindAddress() {
    return bind;
  }

  ListenerSettings settings() {
    return settings.get();
  }

  void update(ListenerSettings next) {
    settings.set(next);
  }

  int activeConnections() {
    return open.get();
  }

  boolean isBound() {
    Channel channel = serverChannel;
    return channel != null && channel.isActive();
  }

  /** Binds synchronously so that a reload knows at once whether the address was available. */
  void bind() throws InterruptedException {
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(transport.group())
            .channel(transport.serverChannel())
            .option(ChannelOption.SO_BACKLOG, 1024)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.AUTO_READ, false)
            .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, Relay.WATER_MARK)
            .childHandler(new ConnectionInitializer(this, transport, metrics));
    ChannelFuture bound = bootstrap.bind(new InetSocketAddress(bind.host(), bind.port())).await();
    if (!bound.isSuccess()) {
      Throwable cause = bound.cause();
      throw new IllegalStateException(
          "cannot listen on "
              + bind
              + ": "
              + (cause == null ? "unknown error" : cause.getMessage()),
          cause);
    }
    serverChannel = bound.channel();
  }

  /** Rate-limits the log lines about connections refused over maxConnections. */
  LogThrottle rejectionLog() {
    return rejectionLog;
  }

  /** Counts the connection against maxConnections; false when the listener is full. */
  boolean tryAdmit(SocketChannel channel) {
    int limit = settings().limits().maxConnections();
    while (true) {
      int current = open.get();
      if (current >= limit) {
        return false;
      }
      if (open.compareAndSet(current, current + 1)) {
        connections.add(channel);
        channel.closeFuture().addListener(closed -> open.decrementAndGet());
        return true;
      }
    }
  }

  /**
   * Stops accepting, lets established connections finish, and closes what is left after {@code
   * timeout}. Completes when no connection remains.
   */
  CompletableFuture<Void> drain(Duration timeout) {
    Channel channel = serverChannel;
    if (channel != null) {
      channel.close().syncUninterruptibly();
    }
    CompletableFuture<Void> drained = new CompletableFuture<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    pollDrained(drained, deadline);
    return drained;
  }

  private void pollDrained(CompletableFuture<Void> drained, long deadline) {
    if (open.get() == 0) {
      drained.complete(null);
      return;
    }
    if (System.nanoTime() >= deadline) {
      connections.close().addListener(closed -> drained.complete(null));
      return;
    }
    GlobalEventExecutor.INSTANCE.schedule(
        () -> pollDrained(drained, deadline), 100, TimeUnit.MILLISECONDS);
  }
}
