package dev.zengate.management.application;

import dev.zengate.management.domain.shared.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Sends what the watch recorded. Each send runs in a transaction of its own that locks its delivery
 * rows ({@code FOR UPDATE SKIP LOCKED}: a second server skips them) and records the outcome in the
 * same commit: SENT, or RETRYING 1, 2, 4 … 60 minutes later, or FAILED after {@link #MAX_ATTEMPTS}.
 * A server that dies mid-send rolls back to the state before, so the delivery is tried again after
 * the restart, never lost; the only repeat is then that one message, which carries the same id
 * (syslog {@code notification}, webhook {@code X-Zengate-Delivery}, mail {@code Message-ID}) for
 * the receiver to drop.
 */
@Stateless
public class NotificationDeliveries {

  private static final Logger LOG = Logger.getLogger(NotificationDeliveries.class.getName());

  static final int MAX_ATTEMPTS = 12;

  public static final Set<String> STATES = Set.of("PENDING", "RETRYING", "SENT", "FAILED");
  public static final Set<String> CHANNELS = Set.of("SYSLOG", "EMAIL", "WEBHOOK");

  @PersistenceContext private EntityManager em;
  @Inject private ChannelSenders senders;

  /** Something to send now: one delivery, or every due e-mail delivery of one recipient. */
  public record Due(String channel, Long deliveryId, String recipient) {}

  /** What to send at {@code now}: single deliveries, and one digest per e-mail recipient. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<Due> due(Instant now) {
    List<Due> due = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "SELECT channel, CASE WHEN channel = 'EMAIL' THEN NULL ELSE id END, destination"
                    + " FROM notification_delivery WHERE state IN ('PENDING', 'RETRYING')"
                    + " AND next_attempt_at <= ?1"
                    + " GROUP BY channel, 2, destination ORDER BY MIN(id) LIMIT 500")
            .setParameter(1, Timestamp.from(now))
            .getResultList()) {
      Object[] r = (Object[]) o;
      due.add(
          new Due((String) r[0], r[1] == null ? null : ((Number) r[1]).longValue(), (String) r[2]));
    }
    return due;
  }

  /**
   * Sends one item; returns how many deliveries ended in each state (SENT, RETRYING, FAILED), none
   * when another server holds them or they are no longer due.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<String> send(Due item, Instant now) {
    boolean digest = "EMAIL".equals(item.channel());
    List<?> rows =
        em.createNativeQuery(
                "SELECT "
                    + NotificationDelivery.COLUMNS
                    + NotificationDelivery.FROM
                    + " WHERE d.state IN ('PENDING', 'RETRYING') AND d.next_attempt_at <= ?1 AND "
                    + (digest ? "d.channel = 'EMAIL' AND d.destination = ?2" : "d.id = ?3")
                    + " ORDER BY d.id FOR UPDATE OF d SKIP LOCKED")
            .setParameter(1, Timestamp.from(now))
            .setParameter(2, item.recipient())
            .setParameter(3, item.deliveryId() == null ? 0L : item.deliveryId())
            .getResultList();
    List<NotificationDelivery> batch = new ArrayList<>();
    rows.forEach(r -> batch.add(NotificationDelivery.of((Object[]) r)));
    if (batch.isEmpty()) {
      return List.of();
    }
    String error = null;
    try {
      NotificationDelivery first = batch.get(0);
      switch (first.channel()) {
        case "SYSLOG" -> senders.syslog(first, now);
        case "WEBHOOK" -> senders.webhook(first, now);
        default ->
            senders.email(
                first.destination(),
                first.language() == null ? "ja" : first.language(),
                batch,
                messageId(batch));
      }
    } catch (Exception e) {
      // Whatever the transport threw is the operator's answer: kept as the last error.
      error = describe(e);
    }
    List<String> states = new ArrayList<>();
    for (NotificationDelivery d : batch) {
      states.add(record(d, error, now));
    }
    return states;
  }

  private String record(NotificationDelivery d, String error, Instant now) {
    int attempts = d.attempts() + 1;
    String state;
    Instant next = now;
    if (error == null) {
      state = "SENT";
    } else if (attempts >= MAX_ATTEMPTS) {
      state = "FAILED";
      LOG.warning(
          "notification delivery " + d.id() + " to " + d.destination() + " failed: " + error);
    } else {
      state = "RETRYING";
      next = now.plus(backoff(attempts));
    }
    em.createNativeQuery(
            "UPDATE notification_delivery SET state = ?1, attempts = ?2, next_attempt_at = ?3,"
                + " last_error = CAST(?4 AS TEXT), sent_at = CAST(?5 AS TIMESTAMPTZ) WHERE id = ?6")
        .setParameter(1, state)
        .setParameter(2, attempts)
        .setParameter(3, Timestamp.from(next))
        .setParameter(4, error)
        .setParameter(5, error == null ? Timestamp.from(now) : null)
        .setParameter(6, d.id())
        .executeUpdate();
    return state;
  }

  static Duration backoff(int attempts) {
    return Duration.ofMinutes(Math.min(60, 1L << Math.min(attempts - 1, 6)));
  }

  /** The digest's Message-ID: the same for the same deliveries, so a resend is recognisable. */
  static String messageId(List<NotificationDelivery> batch) {
    StringBuilder ids = new StringBuilder();
    batch.forEach(d -> ids.append(d.id()).append(','));
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(ids.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      return "<digest-" + HexFormat.of().formatHex(hash, 0, 16) + "@zengate.invalid>";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** An exception as one line: its kind and message, and the root cause's when it differs. */
  static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = e.getClass().getSimpleName() + ": " + e.getMessage();
    if (root != e) {
      text += " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
    return text.length() > 1000 ? text.substring(0, 1000) + "…" : text;
  }

  /** The history, newest first, optionally of one state and one channel. */
  public List<NotificationDelivery> history(String state, String channel, int offset, int limit) {
    if (state != null && !STATES.contains(state)) {
      throw new InvalidInputException(
          "state '" + state + "' is not one of PENDING, RETRYING, SENT, FAILED");
    }
    if (channel != null && !CHANNELS.contains(channel)) {
      throw new InvalidInputException(
          "channel '" + channel + "' is not one of SYSLOG, EMAIL, WEBHOOK");
    }
    var query =
        em.createNativeQuery(
            "SELECT "
                + NotificationDelivery.COLUMNS
                + NotificationDelivery.FROM
                + " WHERE (CAST(?1 AS VARCHAR) IS NULL OR d.state = ?1)"
                + " AND (CAST(?2 AS VARCHAR) IS NULL OR d.channel = ?2)"
                + " ORDER BY n.due_at DESC, d.id DESC OFFSET "
                + offset
                + " LIMIT "
                + limit);
    query.setParameter(1, state).setParameter(2, channel);
    List<NotificationDelivery> rows = new ArrayList<>();
    for (Object o : query.getResultList()) {
      rows.add(NotificationDelivery.of((Object[]) o));
    }
    return rows;
  }
}
