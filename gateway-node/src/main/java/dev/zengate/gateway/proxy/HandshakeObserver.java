package dev.zengate.gateway.proxy;

import dev.zengate.bundle.PartnerCertificate;
import dev.zengate.gateway.metrics.GatewayMetrics.ListenerMetrics;
import dev.zengate.gateway.partners.PartnerCertificates;
import dev.zengate.gateway.tls.HandshakeFailure;
import dev.zengate.gateway.tls.TlsOffer;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the outcome of the TLS handshake on one side of a connection: negotiated version, suite
 * and peer certificate on success; a log line with the reason in plain words and a metric on
 * failure.
 */
final class HandshakeObserver extends ChannelInboundHandlerAdapter {

  private static final Logger LOG = LoggerFactory.getLogger("dev.zengate.gateway.handshakes");

  private final ConnectionRecord record;
  private final ListenerMetrics metrics;
  private final boolean downstream;
  private final TlsOffer allowed;
  private final PartnerCertificates partners;
  private final long startNanos = System.nanoTime();

  /**
   * @param allowed versions and suites this side accepts, to set against what the client offered;
   *     null when not known (the upstream side)
   */
  HandshakeObserver(
      ConnectionRecord record,
      ListenerMetrics metrics,
      boolean downstream,
      TlsOffer allowed,
      PartnerCertificates partners) {
    this.partners = partners;
    this.record = record;
    this.metrics = metrics;
    this.downstream = downstream;
    this.allowed = allowed;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof SslHandshakeCompletionEvent completion) {
      String side = downstream ? "downstream" : "upstream";
      if (completion.isSuccess()) {
        SSLSession session = ctx.pipeline().get(SslHandler.class).engine().getSession();
        ConnectionRecord.TlsSummary summary =
            new ConnectionRecord.TlsSummary(
                session.getProtocol(),
                session.getCipherSuite(),
                peerSubject(session),
                // Only the certificate chosen for the target is logged; the listener's own server
                // certificate is known, and formatting a DN costs on every handshake.
                downstream ? null : subject(session.getLocalCertificates()));
        recordPartner(session);
        if (downstream) {
          record.downstream = summary;
        } else {
          record.upstream = summary;
        }
        metrics.handshakeSucceeded(side, (System.nanoTime() - startNanos) / 1e9);
      } else {
        TlsOffer clientOffer = downstream ? record.offeredByClient() : null;
        HandshakeFailure failure = HandshakeFailure.of(completion.cause(), clientOffer, allowed);
        record.handshakeFailed = true;
        record.closeReason(side + "_handshake_failed:" + failure.reason());
        String peer = String.valueOf(downstream ? record.peer : ctx.channel().remoteAddress());
        String offered = null;
        if (clientOffer != null) {
          offered = clientOffer.describe();
        } else if (downstream && record.clientHello != null) {
          offered = "malformed ClientHello";
        }
        metrics.handshakeFailed(side, failure.reason(), peer, offered, failure.explanation());
        StringBuilder line = new StringBuilder("handshake_failed");
        ConnectionRecord.field(line, "listener", record.listener);
        ConnectionRecord.field(line, "side", side);
        ConnectionRecord.field(line, "peer", peer);
        ConnectionRecord.field(line, "reason", failure.reason());
        if (offered != null) {
          ConnectionRecord.field(line, "client_offered", offered);
        }
        if (allowed != null) {
          ConnectionRecord.field(line, "allowed", allowed.describe());
        }
        ConnectionRecord.field(line, "detail", failure.explanation());
        LOG.warn(line.toString());
      }
    }
    ctx.fireUserEventTriggered(event);
  }

  /** The partner's certificate and chain, for the inventory (no certificate: nothing to keep). */
  private void recordPartner(SSLSession session) {
    try {
      partners.saw(
          record.listener,
          downstream ? PartnerCertificate.CLIENT : PartnerCertificate.SERVER,
          session.getPeerCertificates());
    } catch (SSLPeerUnverifiedException noCertificate) {
      // A client without a certificate (client authentication off or optional).
    }
  }

  private static String peerSubject(SSLSession session) {
    try {
      return subject(session.getPeerCertificates());
    } catch (SSLPeerUnverifiedException noCertificate) {
      return null;
    }
  }

  private static String subject(Certificate[] chain) {
    if (chain != null && chain.length > 0 && chain[0] instanceof X509Certificate leaf) {
      return leaf.getSubjectX500Principal().getName();
    }
    return null;
  }
}
