package dev.zengate.management.application;

import dev.zengate.management.domain.audit.Actor;
import dev.zengate.management.domain.audit.AuditedChange;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Keeps a failed publication visible until one succeeds: on each node it left behind (the pair's
 * status, {@code /api/health} and the console read it from there, on every member), in the audit
 * trail once per run of failures (not once per attempt), and in the log.
 */
@Stateless
public class PublicationFailures {

  private static final Logger LOG = Logger.getLogger(PublicationFailures.class.getName());
  private static final int REASON_LIMIT = 500;

  @PersistenceContext private EntityManager em;
  @Inject private AuditTrail audit;

  /**
   * Records that publishing to {@code nodeIds} failed because of {@code cause}; in a transaction of
   * its own, as the publication's is rolled back. Returns the reason as recorded.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public String failed(Actor actor, List<Long> nodeIds, Throwable cause) {
    String reason = reason(cause);
    if (nodeIds.isEmpty()) {
      LOG.severe("publication failed: " + reason);
      return reason;
    }
    String ids = ids(nodeIds);
    @SuppressWarnings("unchecked")
    List<Object[]> newlyFailing =
        em.createNativeQuery(
                "SELECT p.name, n.name FROM gateway_node n JOIN gateway_pair p ON p.id = n.pair_id"
                    + " WHERE n.id IN ("
                    + ids
                    + ") AND n.publication_failed_at IS NULL ORDER BY p.name, n.name")
            .getResultList();
    em.createNativeQuery(
            "UPDATE gateway_node SET publication_failed_at = COALESCE(publication_failed_at,"
                + " now()), publication_failure = ?1 WHERE id IN ("
                + ids
                + ")")
        .setParameter(1, reason)
        .executeUpdate();
    if (newlyFailing.isEmpty()) {
      LOG.warning("publication still failing: " + reason);
      return reason;
    }
    List<String> nodes =
        newlyFailing.stream().map(row -> row[0] + "/" + row[1]).collect(Collectors.toList());
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("reason", reason);
    view.put("nodes", nodes);
    audit.record(
        actor, new AuditedChange("bundle.publish.failed", "bundle", "", null, AuditJson.of(view)));
    LOG.severe("publication failed for " + nodes + ": " + reason);
    return reason;
  }

  /** Clears the failure of {@code nodeIds}, in the publication's transaction. */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void succeeded(List<Long> nodeIds) {
    if (nodeIds.isEmpty()) {
      return;
    }
    int cleared =
        em.createNativeQuery(
                "UPDATE gateway_node SET publication_failed_at = NULL, publication_failure = NULL"
                    + " WHERE publication_failed_at IS NOT NULL AND id IN ("
                    + ids(nodeIds)
                    + ")")
            .executeUpdate();
    if (cleared > 0) {
      LOG.info("publication succeeds again for " + cleared + " node(s)");
    }
  }

  /** How many nodes are left behind by a failed publication, and the newest reason. */
  public Summary summary() {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT count(*), min(publication_failed_at),"
                        + " (SELECT publication_failure FROM gateway_node WHERE"
                        + " publication_failed_at IS NOT NULL ORDER BY publication_failed_at DESC"
                        + " LIMIT 1) FROM gateway_node WHERE publication_failed_at IS NOT NULL")
                .getSingleResult();
    return new Summary(
        ((Number) row[0]).intValue(), row[1] == null ? null : row[1].toString(), (String) row[2]);
  }

  /** {@code nodes} left behind since {@code since} (null when none), the newest {@code reason}. */
  public record Summary(int nodes, String since, String reason) {}

  /** Node ids are numbers, so they can be inlined in the statement. */
  private static String ids(List<Long> nodeIds) {
    return nodeIds.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  /** The innermost message, on one line, within the column's limit. */
  static String reason(Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    if (root != cause && cause.getMessage() != null && !cause.getMessage().contains(message)) {
      message = cause.getMessage() + ": " + message;
    }
    message = message.replaceAll("[\\r\\n\\t]+", " ").strip();
    return message.length() <= REASON_LIMIT
        ? message
        : message.substring(0, REASON_LIMIT - 7) + "…(cut)";
  }
}
