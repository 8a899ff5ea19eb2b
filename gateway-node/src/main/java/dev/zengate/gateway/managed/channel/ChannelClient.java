package dev.zengate.gateway.managed.channel;

import dev.zengate.bundle.Enrollment;
import dev.zengate.bundle.channel.ChannelMessage;
import dev.zengate.bundle.channel.LogSafe;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's one connection to the management cluster: TLS 1.3, the node's client certificate, the
 * cluster's pinned channel CA. It connects in the background and, when the connection is lost or
 * cannot be made, tries the next member's endpoint after an exponential backoff with jitter, so the
 * data plane never waits for it and a node follows when its member goes away. On every connection
 * the node first says which version it runs (the member answers with a newer one).
 */
public final class ChannelClient implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ChannelClient.class);

  /** Reconnection backoff: the wait doubles per failed attempt up to max, then a random half. */
  public record Backoff(Duration initial, Duration max) {
    public static final Backoff DEFAULT =
        new Backoff(Duration.ofMillis(250), Duration.ofSeconds(10));

    long delayMillis(int failures) {
      long ceiling = Math.min(max.toMillis(), initial.toMillis() << Math.min(failures, 20));
      return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    }
  }

  /** What the client tells its owner; called on the channel's event loop, must not block. */
  public interface Listener {
    /** The hello sent first on every connection. */
    ChannelMessage.Hello hello();

    void bundle(String signedBundle);

    void connected(boolean connected);
  }

  private static final long STABLE_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final List<Endpoint> endpoints;
  private final SslContext tls;
  private final Backoff backoff;
  private final Listener listener;
  private final EventLoopGroup loop;
  private final Map<Long, CompletableFuture<ChannelMessage.WitnessAnswer>> questions =
      new ConcurrentHashMap<>();
  private final AtomicLong questionIds = new AtomicLong();
  private volatile Channel current;
  private volatile boolean closed;
  private int next; // event loop only
  private int failures; // event loop only

  record Endpoint(String host, int port) {
    static Endpoint parse(String text) {
      int colon = text.lastIndexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("channel endpoint '" + text + "' is not host:port");
      }
      String host = text.substring(0, colon);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      return new Endpoint(host, Integer.parseInt(text.substring(colon + 1)));
    }

    @Override
    public String toString() {
      return host + ":" + port;
    }
  }

  public ChannelClient(Enrollment enrollment, SslContext tls, Backoff backoff, Listener listener) {
    if (enrollment.channelEndpoints() == null || enrollment.channelEndpoints().isEmpty()) {
      throw new IllegalArgumentException("enrollment.json names no channel endpoint");
    }
    this.endpoints = enrollment.channelEndpoints().stream().map(Endpoint::parse).toList();
    this.tls = tls;
    this.backoff = backoff;
    this.listener = listener;
    this.loop =
        new MultiThreadIoEventLoopGroup(
            1,
            r -> {
              Thread t = new Thread(r, "zengate-channel");
              t.setDaemon(true);
              return t;
            },
            NioIoHandler.newFactory());
  }

  /** Starts connecting in the background; returns at once. */
  public void start() {
    loop.execute(this::connect);
  }

  public boolean connected() {
    Channel channel = current;
    return channel != null && channel.isActive();
  }

  /** Sends {@code message} if connected; never blocks; returns whether it was written. */
  public boolean send(ChannelMessage message) {
    Channel channel = current;
    if (channel == null || !channel.isActive()) {
      return false;
    }
    channel.writeAndFlush(message);
    return true;
  }

  /** Asks the witness question; the future fails when not connected or the answer does not come. */
  public CompletableFuture<ChannelMessage.WitnessAnswer> ask(long pairId, Duration within) {
    long id = questionIds.incrementAndGet();
    CompletableFuture<ChannelMessage.WitnessAnswer> answer = new CompletableFuture<>();
    questions.put(id, answer);
    answer.whenComplete((a, e) -> questions.remove(id));
    if (!send(new ChannelMessage.WitnessQuestion(id, pairId))) {
      answer.completeExceptionally(new IllegalStateException("channel not connected"));
    }
    return answer.orTimeout(within.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void connect() {
    if (closed) {
      return;
    }
    Endpoint endpoint = endpoints.get(next++ % endpoints.size());
    new Bootstrap()
        .group(loop)
        .channel(NioSocketChannel.class)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
        .handler(
            new ChannelClientInitializer(
                tls, endpoint.host(), endpoint.port(), new Session(endpoint)))
        .connect(endpoint.host(), endpoint.port())
        .addListener(
            f -> {
              if (!f.isSuccess()) {
                LOG.debug("channel connect to {} failed: {}", endpoint, f.cause().toString());
                retryLater(endpoint, f.cause().toString());
              }
            });
  }

  private void retryLater(Endpoint endpoint, String why) {
    if (closed) {
      return;
    }
    long delay = backoff.delayMillis(failures++);
    if (failures == 1 || failures % 10 == 0) {
      LOG.warn(
          "channel_unavailable endpoint={} error=\"{}\" attempts={} retry_ms={} (serving on)",
          endpoint,
          LogSafe.of(why),
          failures,
          delay);
    }
    try {
      loop.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException stopping) {
      // closing
    }
  }

  /** One connection's handler: hello after the handshake, then messages in. */
  final class Session extends SimpleChannelInboundHandler<ChannelMessage> {
    private final Endpoint endpoint;
    private boolean established;
    private long establishedAt;

    Session(Endpoint endpoint) {
      this.endpoint = endpoint;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
      if (event instanceof SslHandshakeCompletionEvent handshake) {
        if (handshake.isSuccess()) {
          established = true;
          establishedAt = System.nanoTime();
          current = ctx.channel();
          ctx.writeAndFlush(listener.hello());
          LOG.info("channel_connected endpoint={}", endpoint);
          listener.connected(true);
        } else {
          LOG.warn(
              "channel_handshake_failed endpoint={} error=\"{}\"",
              endpoint,
              LogSafe.of(String.valueOf(handshake.cause())));
        }
      }
      ctx.fireUserEventTriggered(event);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ChannelMessage message) {
      if (message instanceof ChannelMessage.Bundle bundle) {
        listener.bundle(bundle.signedBundle());
      } else if (message instanceof ChannelMessage.WitnessAnswer answer) {
        CompletableFuture<ChannelMessage.WitnessAnswer> waiting = questions.get(answer.id());
        if (waiting != null) {
          waiting.complete(answer);
        }
      } else if (message instanceof ChannelMessage.Refused refused) {
        LOG.warn(
            "channel_message_refused endpoint={} code={} reason=\"{}\"",
            endpoint,
            LogSafe.of(refused.code()),
            LogSafe.of(refused.reason()));
      } else if (!(message instanceof ChannelMessage.Heartbeat)) {
        LOG.debug("unexpected {} from {}", message.getClass().getSimpleName(), endpoint);
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      LOG.debug("channel error from {}: {}", endpoint, cause.toString());
      ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (current == ctx.channel()) {
        current = null;
      }
      if (established) {
        LOG.warn("channel_disconnected endpoint={} (serving on; reconnecting)", endpoint);
        listener.connected(false);
        // A connection that lasted resets the backoff; one the member closes at once (a reset
        // enrollment, say) must not become a reconnection loop.
        if (System.nanoTime() - establishedAt > STABLE_NANOS) {
          failures = 0;
        }
      }
      retryLater(endpoint, established ? "connection closed" : "handshake failed");
    }
  }

  @Override
  public void close() {
    closed = true;
    Channel channel = current;
    if (channel != null) {
      channel.close();
    }
    loop.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }
}
