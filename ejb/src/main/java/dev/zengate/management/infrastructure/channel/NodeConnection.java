package dev.zengate.management.infrastructure.channel;

import dev.zengate.bundle.NodeReport;
import dev.zengate.bundle.PartnerCertificate;
import dev.zengate.bundle.PublicKeys;
import dev.zengate.bundle.channel.ChannelMessage;
import dev.zengate.bundle.channel.LogSafe;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.logging.Logger;

/**
 * One node's connection on the management side. After the TLS handshake (the client certificate
 * already verified against the channel CA) the node is looked up by its key's fingerprint; until
 * then its messages wait (at most a few), and an unknown, superseded or reset key closes the
 * connection. Every message then counts against a token bucket, names nothing but the node's own
 * pair and node (anything else is refused, logged and changes nothing), and blocking work runs on
 * the application's executor, never on the event loop.
 */
final class NodeConnection extends SimpleChannelInboundHandler<ChannelMessage> {

  private static final Logger LOG = Logger.getLogger("dev.zengate.management.channel");
  static final int BURST = 40;
  static final int PER_SECOND = 20;

  /**
   * Messages the rate limit may drop in a burst before the connection is closed; the allowance
   * refills at {@code FLOOD_LIMIT} per {@link #FLOOD_WINDOW_SECONDS}, so a node a little over the
   * rate keeps its channel (and loses the excess) while a flood is closed at whatever pace it
   * comes.
   */
  static final int FLOOD_LIMIT = 200;

  static final int FLOOD_WINDOW_SECONDS = 10;

  private static final int MAX_WAITING = 8;
  private static final Set<String> EVENTS =
      Set.of("applied", "rejected", "role", "heartbeat", "started");
  private static final Set<String> ROLES = Set.of("INIT", "MASTER", "BACKUP", "STANDALONE");

  private final ChannelBackend backend;
  private final ChannelSessions sessions;
  private final Executor executor;
  private final TokenBucket bucket = new TokenBucket(BURST, PER_SECOND);
  private final TokenBucket dropAllowance =
      new TokenBucket(FLOOD_LIMIT, FLOOD_LIMIT / FLOOD_WINDOW_SECONDS);
  private final Queue<ChannelMessage> waiting = new ArrayDeque<>();
  private NodeIdentity identity; // event loop only
  private boolean closing; // event loop only: refused, nothing more is handled
  private long droppedUnlogged;
  private boolean dropLogged;
  private long lastDropLog;
  private String peer = "?";

  NodeConnection(ChannelBackend backend, ChannelSessions sessions, Executor executor) {
    this.backend = backend;
    this.sessions = sessions;
    this.executor = executor;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    peer = String.valueOf(ctx.channel().remoteAddress());
    ctx.fireChannelActive();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof SslHandshakeCompletionEvent handshake) {
      if (handshake.isSuccess()) {
        identify(ctx);
      } else {
        LOG.warning(
            "node_channel_refused peer="
                + peer
                + " reason=handshake_failed detail=\""
                + LogSafe.of(String.valueOf(handshake.cause()))
                + "\"");
      }
    } else if (event instanceof IdleStateEvent && identity != null) {
      ctx.writeAndFlush(new ChannelMessage.Heartbeat(System.currentTimeMillis()));
    }
    super.userEventTriggered(ctx, event);
  }

  private void identify(ChannelHandlerContext ctx) {
    String fingerprint;
    try {
      Certificate[] chain =
          ctx.pipeline().get(SslHandler.class).engine().getSession().getPeerCertificates();
      fingerprint = PublicKeys.fingerprint(((X509Certificate) chain[0]).getPublicKey());
    } catch (Exception e) {
      refuseConnection(ctx, "no_client_certificate", String.valueOf(e));
      return;
    }
    executor.execute(
        () -> {
          Optional<NodeIdentity> found;
          try {
            found = backend.identify(fingerprint);
          } catch (RuntimeException e) {
            LOG.warning("node channel lookup failed: " + e);
            found = Optional.empty();
          }
          Optional<NodeIdentity> result = found;
          ctx.executor()
              .execute(
                  () -> {
                    if (result.isEmpty()) {
                      refuseConnection(
                          ctx,
                          "unknown_certificate",
                          "no enrolled node has channel key " + fingerprint);
                      return;
                    }
                    identity = result.get();
                    sessions.register(identity.nodeId(), ctx.channel());
                    LOG.info("node_channel_connected node=" + identity + " peer=" + peer);
                    while (!waiting.isEmpty() && !closing && ctx.channel().isActive()) {
                      handle(ctx, waiting.poll());
                    }
                  });
        });
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, ChannelMessage message) {
    if (closing) {
      return; // the rest of a read batch after the connection was refused
    }
    if (identity == null) {
      if (waiting.size() >= MAX_WAITING) {
        refuseConnection(ctx, "too_early", "messages before the node was identified");
      } else {
        waiting.add(message);
      }
      return;
    }
    handle(ctx, message);
  }

  private void handle(ChannelHandlerContext ctx, ChannelMessage message) {
    if (!bucket.take()) {
      rateLimited(ctx);
      return;
    }
    NodeIdentity node = identity;
    if (message instanceof ChannelMessage.Hello hello) {
      executor.execute(
          () ->
              backend
                  .newerBundle(node, hello.runningVersion())
                  .ifPresent(bundle -> ctx.writeAndFlush(new ChannelMessage.Bundle(bundle))));
    } else if (message instanceof ChannelMessage.Report report) {
      report(ctx, report.report());
    } else if (message instanceof ChannelMessage.LeaseRenewal renewal) {
      if (ownPair(ctx, renewal.pairId(), "lease_for_other_pair")) {
        executor.execute(() -> backend.renewLease(node));
      }
    } else if (message instanceof ChannelMessage.WitnessQuestion question) {
      if (ownPair(ctx, question.pairId(), "witness_for_other_pair")) {
        executor.execute(
            () ->
                ctx.writeAndFlush(
                    new ChannelMessage.WitnessAnswer(question.id(), backend.witness(node))));
      }
    } else if (message instanceof ChannelMessage.PartnerCertificates partners) {
      Optional<List<PartnerCertificate>> checked =
          PartnerCertificateBounds.check(partners.certificates(), Instant.now());
      if (checked.isEmpty()) {
        refuse(ctx, "malformed_partner_certificates", "a bad or oversized list was ignored");
      } else {
        executor.execute(() -> backend.partnerCertificates(node, checked.get()));
      }
    } else {
      refuse(ctx, "unexpected_message", message.getClass().getSimpleName() + " from a node");
    }
  }

  private boolean ownPair(ChannelHandlerContext ctx, long pairId, String code) {
    if (pairId != identity.pairId()) {
      refuse(ctx, code, "pair " + pairId + " is not this node's pair " + identity.pairId());
      return false;
    }
    return true;
  }

  /** A report for itself only, with the member's clock and bounded fields. */
  private void report(ChannelHandlerContext ctx, NodeReport report) {
    if (report == null
        || report.nodeId() != identity.nodeId()
        || report.pairId() != identity.pairId()
        || !identity.nodeName().equals(report.nodeName())) {
      refuse(
          ctx,
          "report_for_other_node",
          report == null
              ? "empty report"
              : "report names node " + report.nodeId() + " (" + report.nodeName() + ")");
      return;
    }
    if (!EVENTS.contains(report.event()) || !ROLES.contains(report.role())) {
      refuse(ctx, "malformed_report", "unknown event or role");
      return;
    }
    NodeReport stored =
        new NodeReport(
            identity.nodeId(),
            identity.nodeName(),
            identity.pairId(),
            report.event(),
            report.role(),
            report.appliedVersion(),
            hexOrNull(report.appliedHash()),
            report.rejectedVersion(),
            truncate(report.rejectedCode(), 32),
            truncate(report.rejectedReason(), 2000),
            parsableOrNull(report.startedAt()),
            Instant.now().toString(), // the member's clock: a node's sentAt keeps nothing live
            Math.max(0, report.activeConnections()),
            ReportedRuntime.settings(report.settings()),
            ReportedRuntime.clock(report.clock()));
    executor.execute(() -> backend.report(stored));
  }

  private void rateLimited(ChannelHandlerContext ctx) {
    droppedUnlogged++;
    long now = System.nanoTime();
    if (!dropLogged || now - lastDropLog > 10_000_000_000L) { // one line per 10 s at most
      dropLogged = true;
      lastDropLog = now;
      LOG.warning(
          "node_channel_rate_limited node="
              + identity
              + " peer="
              + peer
              + " limit="
              + PER_SECOND
              + "/s burst="
              + BURST
              + " dropped="
              + droppedUnlogged);
      droppedUnlogged = 0;
    }
    if (!dropAllowance.take()) {
      refuseConnection(
          ctx,
          "flood",
          "over "
              + FLOOD_LIMIT
              + " messages over the rate limit within "
              + FLOOD_WINDOW_SECONDS
              + " s");
    }
  }

  private void refuse(ChannelHandlerContext ctx, String code, String detail) {
    LOG.warning(
        "node_channel_refused node="
            + identity
            + " peer="
            + peer
            + " reason="
            + code
            + " detail=\""
            + LogSafe.of(detail)
            + "\"");
    ctx.writeAndFlush(new ChannelMessage.Refused(code, detail));
  }

  /**
   * Says why once, stops reading and closes (the TLS handler flushes the refusal and its
   * close_notify first). Frames already read in the same batch are dropped: without this, every
   * further frame of a flood was refused and logged again until the close ran.
   */
  private void refuseConnection(ChannelHandlerContext ctx, String code, String detail) {
    if (closing) {
      return;
    }
    closing = true;
    ctx.channel().config().setAutoRead(false);
    refuse(ctx, code, detail);
    ctx.channel().eventLoop().execute(ctx::close);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (closing) {
      LOG.fine("node channel error from " + peer + " while closing: " + cause);
      return;
    }
    Throwable root = cause.getCause() != null ? cause.getCause() : cause;
    if (cause instanceof TooLongFrameException || root instanceof TooLongFrameException) {
      refuseConnection(
          ctx, "oversized_frame", "a frame over " + ChannelMessage.MAX_NODE_FRAME_BYTES + " bytes");
    } else if (cause instanceof io.netty.handler.codec.DecoderException
        && !(root instanceof javax.net.ssl.SSLException)) {
      refuseConnection(ctx, "malformed_frame", cause.getMessage());
    } else {
      LOG.fine("node channel error from " + peer + ": " + cause);
      ctx.close();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (identity != null) {
      sessions.unregister(identity.nodeId(), ctx.channel());
      LOG.info("node_channel_closed node=" + identity + " peer=" + peer);
    }
    ctx.fireChannelInactive();
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  private static String hexOrNull(String hash) {
    return hash != null && hash.matches("[0-9a-f]{64}") ? hash : null;
  }

  private static String parsableOrNull(String instant) {
    try {
      return instant == null ? null : Instant.parse(instant).toString();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
