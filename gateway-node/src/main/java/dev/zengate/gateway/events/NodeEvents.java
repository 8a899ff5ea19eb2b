package dev.zengate.gateway.events;

import dev.zengate.bundle.settings.NodeSettingRules;
import dev.zengate.bundle.syslog.SyslogMessage;
import dev.zengate.bundle.syslog.SyslogSender;
import dev.zengate.bundle.syslog.SyslogTarget;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the node's own events (clock skew, certificate expiry) as RFC 5424 messages to {@code
 * node.syslog}, as the appliance does. Sent on one thread of its own: a slow or absent syslog
 * server never holds up the caller. Nothing is sent when no target is set.
 */
public final class NodeEvents implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(NodeEvents.class);

  /** RFC 5612's documentation enterprise number, as the management server's messages use. */
  public static final String SD_ID = "zengateNode@32473";

  static final String APP_NAME = "zengate-gateway";

  /** The node's name and its syslog target as configured now (null: none). */
  public record Destination(String nodeName, String syslog) {}

  private final Supplier<Destination> destination;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "zengate-syslog");
            t.setDaemon(true);
            return t;
          });

  public NodeEvents(Supplier<Destination> destination) {
    this.destination = destination;
  }

  /** Whether a syslog target is set now. */
  public boolean enabled() {
    Destination now = destination.get();
    return now != null && now.syslog() != null;
  }

  /**
   * Sends one event soon, when a target is set.
   *
   * @param severity {@link SyslogMessage#WARNING}, {@link SyslogMessage#ERROR}…
   * @param msgId what kind of event ({@code CLOCK_SKEW}, {@code CERT_EXPIRING}…)
   * @param params structured data naming what the event is about
   */
  public void send(int severity, String msgId, Map<String, String> params, String text) {
    send(severity, msgId, SD_ID, params, text);
  }

  /** As {@link #send(int, String, Map, String)} with the structured-data element {@code sdId}. */
  public void send(
      int severity, String msgId, String sdId, Map<String, String> params, String text) {
    Destination now = destination.get();
    if (now == null || now.syslog() == null) {
      return;
    }
    SyslogMessage message =
        new SyslogMessage(
            SyslogMessage.LOCAL0,
            severity,
            Instant.now(),
            now.nodeName(),
            APP_NAME,
            msgId,
            sdId,
            params,
            text);
    try {
      thread.execute(() -> deliver(now.syslog(), msgId, message));
    } catch (RejectedExecutionException closing) {
      // Stopping.
    }
  }

  /** Sends at once on the caller's thread; true when handed to the network. */
  public boolean sendNow(
      int severity, String msgId, String sdId, Map<String, String> params, String text) {
    Destination now = destination.get();
    if (now == null || now.syslog() == null) {
      return false;
    }
    return deliver(
        now.syslog(),
        msgId,
        new SyslogMessage(
            SyslogMessage.LOCAL0,
            severity,
            Instant.now(),
            now.nodeName(),
            APP_NAME,
            msgId,
            sdId,
            params,
            text));
  }

  private static boolean deliver(String syslog, String msgId, SyslogMessage message) {
    try {
      SyslogTarget target = NodeSettingRules.syslogTarget(syslog);
      SyslogSender.send(target, message);
      return true;
    } catch (IOException | RuntimeException e) {
      LOG.warn("syslog_failed target={} msgid={} error=\"{}\"", syslog, msgId, e.toString());
      return false;
    }
  }

  @Override
  public void close() {
    thread.shutdown();
  }
}
