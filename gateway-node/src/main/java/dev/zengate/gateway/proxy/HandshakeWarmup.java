package dev.zengate.gateway.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In-memory TLS handshakes against a pair backup's own server contexts, so that the first
 * connection after a takeover does not pay for class loading and cold code (measured on the 2-core
 * test machine: 185-420 ms for a node's first connection, 70 ms for later ones). Nothing leaves the
 * process: client and server engines talk through two embedded channels.
 */
public final class HandshakeWarmup {

  private static final Logger LOG = LoggerFactory.getLogger(HandshakeWarmup.class);
  private static final int ROUNDS = 5;

  private HandshakeWarmup() {}

  /** Runs a few handshakes per distinct downstream context; failures are logged at debug only. */
  public static void warm(List<ListenerSettings> listeners) {
    Map<SslContext, Boolean> contexts = new IdentityHashMap<>();
    for (ListenerSettings listener : listeners) {
      if (listener.downstreamContext() != null) {
        contexts.put(listener.downstreamContext(), true);
      }
    }
    if (contexts.isEmpty()) {
      return;
    }
    long started = System.nanoTime();
    SslContext client;
    try {
      client =
          SslContextBuilder.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE).build();
    } catch (SSLException e) {
      LOG.debug("no warm-up client context: {}", e.toString());
      return;
    }
    int done = 0;
    try {
      for (int round = 0; round < ROUNDS; round++) {
        for (SslContext server : contexts.keySet()) {
          if (handshake(client, server)) {
            done++;
          }
        }
      }
    } finally {
      ReferenceCountUtil.release(client);
    }
    LOG.info(
        "tls_warmup contexts={} handshakes={} duration_ms={}",
        contexts.size(),
        done,
        (System.nanoTime() - started) / 1_000_000);
  }

  private static boolean handshake(SslContext clientContext, SslContext serverContext) {
    EmbeddedChannel server = new EmbeddedChannel();
    EmbeddedChannel client = new EmbeddedChannel();
    try {
      SslHandler serverTls = serverContext.newHandler(server.alloc());
      SslHandler clientTls = clientContext.newHandler(client.alloc());
      server.pipeline().addLast(serverTls);
      client.pipeline().addLast(clientTls);
      for (int i = 0;
          i < 20 && !(serverTls.handshakeFuture().isDone() && clientTls.handshakeFuture().isDone());
          i++) {
        shuttle(client, server);
        shuttle(server, client);
      }
      if (!serverTls.handshakeFuture().isSuccess()) {
        return false;
      }
      client.writeAndFlush(Unpooled.copiedBuffer("warm-up", StandardCharsets.US_ASCII));
      shuttle(client, server);
      releaseAll(server.inboundMessages());
      return true;
    } catch (RuntimeException e) {
      LOG.debug("warm-up handshake failed: {}", e.toString());
      return false;
    } finally {
      client.finishAndReleaseAll();
      server.finishAndReleaseAll();
    }
  }

  private static void shuttle(EmbeddedChannel from, EmbeddedChannel to) {
    ByteBuf out;
    while ((out = from.readOutbound()) != null) {
      to.writeInbound(out);
    }
  }

  private static void releaseAll(java.util.Queue<Object> messages) {
    Object message;
    while ((message = messages.poll()) != null) {
      ReferenceCountUtil.release(message);
    }
  }
}
