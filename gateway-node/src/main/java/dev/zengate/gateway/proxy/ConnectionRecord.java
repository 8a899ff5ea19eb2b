package dev.zengate.gateway.proxy;

import dev.zengate.gateway.tls.TlsOffer;
import io.netty.buffer.Unpooled;
import java.net.SocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * What is logged about one connection when it ends. Touched only from the connection's event loop
 * (inbound and outbound channels share it), so it needs no synchronisation.
 */
final class ConnectionRecord {

  final String listener;
  final SocketAddress peer;
  final long startNanos = System.nanoTime();
  TlsSummary downstream;
  TlsSummary upstream;

  /**
   * The partner's ClientHello body as received, null until one is seen. Kept raw and parsed only
   * when a handshake fails: naming every offered suite on every handshake is wasted work.
   */
  byte[] clientHello;

  long bytesUpstream;
  long bytesDownstream;
  private String closeReason;
  boolean handshakeFailed;

  ConnectionRecord(String listener, SocketAddress peer) {
    this.listener = listener;
    this.peer = peer;
  }

  /** Keeps the first reason given: the event that started the close, not its echoes. */
  void closeReason(String reason) {
    if (closeReason == null) {
      closeReason = reason;
    }
  }

  /** What the partner offered, or null when no ClientHello was seen or it could not be parsed. */
  TlsOffer offeredByClient() {
    if (clientHello == null) {
      return null;
    }
    try {
      return ClientHelloRecorder.offer(Unpooled.wrappedBuffer(clientHello));
    } catch (IndexOutOfBoundsException malformed) {
      return null;
    }
  }

  double elapsedSeconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  String logLine() {
    StringBuilder line = new StringBuilder("connection");
    field(line, "listener", listener);
    field(line, "peer", String.valueOf(peer));
    if (downstream != null) {
      field(line, "tls", downstream.version());
      field(line, "suite", downstream.cipherSuite());
      field(line, "peer_cert", downstream.peerSubject());
    }
    if (upstream != null) {
      field(line, "upstream_tls", upstream.version());
      field(line, "upstream_suite", upstream.cipherSuite());
      field(line, "upstream_cert", upstream.peerSubject());
      field(line, "presented_cert", upstream.ownSubject());
    }
    field(line, "bytes_up", Long.toString(bytesUpstream));
    field(line, "bytes_down", Long.toString(bytesDownstream));
    field(
        line,
        "duration_ms",
        Long.toString(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos)));
    field(line, "close", closeReason == null ? "closed" : closeReason);
    return line.toString();
  }

  /** key=value, quoted when the value has spaces, so lines stay machine-readable. */
  static void field(StringBuilder line, String key, String value) {
    line.append(' ').append(key).append('=');
    if (value == null) {
      line.append('-');
    } else if (value.indexOf(' ') >= 0 || value.indexOf('"') >= 0 || value.indexOf('=') >= 0) {
      line.append('"').append(value.replace("\"", "'")).append('"');
    } else {
      line.append(value);
    }
  }

  /**
   * Negotiated parameters of one TLS side.
   *
   * @param ownSubject the certificate the gateway presented (upstream: the chosen client
   *     certificate, null when the server asked for none or none was chosen)
   */
  record TlsSummary(String version, String cipherSuite, String peerSubject, String ownSubject) {}
}
