package dev.zengate.gateway.proxy;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.netty.resolver.dns.SequentialDnsServerAddressStreamProvider;
import io.netty.util.concurrent.ImmediateExecutor;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Native epoll on Linux, NIO elsewhere; one event loop per core serves every listener. Beside the
 * loops, a bounded pool runs the TLS engines' delegated tasks (certificate verification, which may
 * wait for an OCSP responder or a CRL download), so a slow responder never stalls a loop. Target
 * host names are resolved by Netty's asynchronous DNS resolver on the loops themselves.
 */
public final class Transport implements AutoCloseable {

  /** Threads for TLS tasks: each may wait up to a revocation timeout. */
  static final int TLS_TASK_THREADS = 32;

  /** Handshakes queued beyond that are refused (the handshake fails) rather than piling up. */
  static final int TLS_TASK_QUEUE = 4096;

  private final EventLoopGroup group;
  private final boolean epoll;
  private final ThreadPoolExecutor tlsTasks;
  private final AddressResolverGroup<InetSocketAddress> resolver;
  // One per distinct node.dnsServers setting seen (in practice one, kept across reloads).
  private final Map<List<InetSocketAddress>, AddressResolverGroup<InetSocketAddress>>
      configuredResolvers = new ConcurrentHashMap<>();

  public Transport() {
    this(Runtime.getRuntime().availableProcessors());
  }

  public Transport(int threads) {
    this.epoll = Epoll.isAvailable();
    IoHandlerFactory factory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    this.group = new MultiThreadIoEventLoopGroup(threads, factory);
    AtomicInteger count = new AtomicInteger();
    this.tlsTasks =
        new ThreadPoolExecutor(
            TLS_TASK_THREADS,
            TLS_TASK_THREADS,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(TLS_TASK_QUEUE),
            runnable -> {
              Thread thread = new Thread(runnable, "zengate-tls-task-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    tlsTasks.allowCoreThreadTimeOut(true);
    // Bootstrap's default resolver calls InetAddress.getByName on the event loop, stalling every
    // connection of that loop while a name server is slow. This one reads /etc/hosts and
    // /etc/resolv.conf like the system resolver, caches answers, and retries truncated ones over
    // TCP.
    this.resolver = new DnsAddressResolverGroup(resolverBuilder());
  }

  /**
   * Executor for SslHandler delegated tasks ({@code SslContext.newHandler(alloc, executor)}): the
   * task pool when certificate checks may block on OCSP or CRL fetches, otherwise inline on the
   * event loop (no thread hop per handshake).
   */
  public Executor tlsTasks(boolean checksRevocation) {
    return checksRevocation ? tlsTasks : ImmediateExecutor.INSTANCE;
  }

  public EventLoopGroup group() {
    return group;
  }

  /**
   * Resolves target host names without blocking the event loop (IP literals need no lookup), with
   * {@code nameServers}, or those of /etc/resolv.conf when empty.
   */
  public AddressResolverGroup<InetSocketAddress> resolver(List<InetSocketAddress> nameServers) {
    if (nameServers.isEmpty()) {
      return resolver;
    }
    return configuredResolvers.computeIfAbsent(
        nameServers,
        servers ->
            new DnsAddressResolverGroup(
                resolverBuilder()
                    .nameServerProvider(new SequentialDnsServerAddressStreamProvider(servers))));
  }

  private DnsNameResolverBuilder resolverBuilder() {
    return new DnsNameResolverBuilder()
        .datagramChannelType(epoll ? EpollDatagramChannel.class : NioDatagramChannel.class)
        .socketChannelType(socketChannel());
  }

  public Class<? extends ServerSocketChannel> serverChannel() {
    return epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }

  public Class<? extends SocketChannel> socketChannel() {
    return epoll ? EpollSocketChannel.class : NioSocketChannel.class;
  }

  public String describe() {
    return epoll ? "epoll" : "nio";
  }

  @Override
  public void close() {
    resolver.close();
    configuredResolvers.values().forEach(AddressResolverGroup::close);
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    tlsTasks.shutdownNow();
  }
}
