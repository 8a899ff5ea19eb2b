package dev.zengate.gateway.proxy;

import dev.zengate.gateway.metrics.GatewayMetrics;
import dev.zengate.gateway.metrics.GatewayMetrics.ListenerMetrics;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the pipeline of each accepted connection from the listener's settings as they are at that
 * moment: a reload changes what new connections get, never what existing ones have.
 */
final class ConnectionInitializer extends ChannelInitializer<SocketChannel> {

  private static final Logger CONNECTIONS =
      LoggerFactory.getLogger("dev.zengate.gateway.connections");

  private final ListenerRuntime listener;
  private final Transport transport;
  private final GatewayMetrics metrics;

  ConnectionInitializer(ListenerRuntime listener, Transport transport, GatewayMetrics metrics) {
    this.listener = listener;
    this.transport = transport;
    this.metrics = metrics;
  }

  /** BoringSSL sends the response only to clients that asked for it (status_request). */
  private static void staple(ListenerSettings settings, SslHandler tls) {
    if (settings.downstreamStaple() != null
        && tls.engine() instanceof ReferenceCountedOpenSslEngine engine) {
      byte[] response = settings.downstreamStaple().current();
      if (response != null) {
        engine.setOcspResponse(response);
      }
    }
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    ListenerSettings settings = listener.settings();
    ListenerMetrics listenerMetrics = metrics.listener(settings.name());
    if (!listener.serving()) {
      // A pair backup: reset at once (no FIN handshake, no TIME_WAIT) so the client fails fast and
      // tries the master. Debug only: a misdirected client could flood the log.
      listenerMetrics.connectionRefusedAsBackup();
      CONNECTIONS.debug(
          "connection_refused listener={} peer={} reason=backup",
          settings.name(),
          channel.remoteAddress());
      channel.config().setOption(ChannelOption.SO_LINGER, 0);
      channel.close();
      return;
    }
    if (!listener.tryAdmit(channel)) {
      listenerMetrics.connectionRejected();
      long unlogged = listener.rejectionLog().occurred();
      if (unlogged >= 0) {
        CONNECTIONS.warn(
            "connection_rejected listener={} peer={} reason=max_connections limit={}"
                + " unlogged_since_last={} (one line per {} s at most; every one is counted in"
                + " zengate_connections_total, outcome rejected)",
            settings.name(),
            channel.remoteAddress(),
            settings.limits().maxConnections(),
            unlogged,
            TimeUnit.NANOSECONDS.toSeconds(LogThrottle.DEFAULT_INTERVAL_NANOS));
      }
      channel.close();
      return;
    }
    ConnectionRecord record = new ConnectionRecord(settings.name(), channel.remoteAddress());
    listenerMetrics.connectionOpened();
    channel
        .closeFuture()
        .addListener(
            closed -> {
              listenerMetrics.connectionClosed();
              // Built only when it will be written: the line costs a few allocations.
              if (!record.handshakeFailed && CONNECTIONS.isInfoEnabled()) {
                CONNECTIONS.info(record.logLine());
              }
            });

    var pipeline = channel.pipeline();
    long idleMillis = settings.limits().idleTimeout().toMillis();
    pipeline.addLast("idle", new IdleStateHandler(0, 0, idleMillis, TimeUnit.MILLISECONDS));
    if (settings.downstreamContext() != null) {
      SslHandler tls =
          settings
              .downstreamContext()
              .newHandler(
                  channel.alloc(), transport.tlsTasks(settings.downstreamRevocation() != null));
      tls.setHandshakeTimeoutMillis(settings.limits().handshakeTimeout().toMillis());
      staple(settings, tls);
      pipeline.addLast("client-hello", new ClientHelloRecorder(record));
      pipeline.addLast("tls", tls);
      pipeline.addLast(
          "handshake",
          new HandshakeObserver(
              record, listenerMetrics, true, settings.downstreamAllowed(), listener.partners()));
    }
    pipeline.addLast(
        "relay",
        new FrontendHandler(settings, transport, record, listenerMetrics, listener.partners()));
  }
}
