package dev.zengate.management.application;

import dev.zengate.bundle.BundleJson;
import dev.zengate.bundle.NodeReport;
import dev.zengate.bundle.channel.LogSafe;
import dev.zengate.bundle.settings.ClockStatus;
import dev.zengate.management.domain.audit.Actor;
import dev.zengate.management.domain.audit.AuditedChange;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Keeps each node's latest report in PostgreSQL for the console and the API. A node's refusal of a
 * bundle is also audited: it is either a configuration the node cannot run or someone writing to
 * the grid who should not.
 */
@Stateless
public class NodeReportRecorder {

  private static final Logger LOG = Logger.getLogger(NodeReportRecorder.class.getName());
  private static final Set<String> ROLES =
      Set.of("INIT", "MASTER", "BACKUP", "STANDALONE", "FAULT");

  @PersistenceContext private EntityManager em;
  @Inject private AuditTrail audit;

  /** Returns false when the report names no known node (it is then ignored). */
  public boolean record(NodeReport report) {
    String role = ROLES.contains(report.role()) ? report.role() : "UNKNOWN";
    ClockStatus clock = report.clock();
    int updated =
        em.createNativeQuery(
                "UPDATE gateway_node SET reported_role = ?1, last_heartbeat_at = now(),"
                    + " started_at = ?2, active_connections = ?3,"
                    + " applied_at = CASE WHEN applied_config_hash IS DISTINCT FROM ?5"
                    + "   THEN now() ELSE applied_at END,"
                    + " applied_config_version = ?4, applied_config_hash = ?5,"
                    + " reported_settings = ?8, clock_state = ?9, clock_offset_ms = CAST(?10 AS BIGINT),"
                    + " clock_server = ?11, clock_checked_at = CAST(?12 AS TIMESTAMPTZ), clock_error = ?13"
                    + " WHERE id = ?6 AND name = ?7")
            .setParameter(1, role)
            .setParameter(2, parseTime(report.startedAt()))
            .setParameter(3, report.activeConnections())
            .setParameter(4, report.appliedVersion())
            .setParameter(5, report.appliedHash())
            .setParameter(6, report.nodeId())
            .setParameter(7, report.nodeName())
            .setParameter(
                8, report.settings() == null ? null : BundleJson.canonicalText(report.settings()))
            .setParameter(9, clock == null ? null : clock.state())
            .setParameter(10, clock == null ? null : clock.offsetMillis())
            .setParameter(11, clock == null ? null : clock.server())
            .setParameter(12, clock == null ? null : parseTime(clock.checkedAt()))
            .setParameter(13, clock == null ? null : clock.error())
            .executeUpdate();
    if (updated == 0) {
      LOG.warning(
          "report for unknown node " + report.nodeId() + " (" + report.nodeName() + ") ignored");
      return false;
    }
    if ("rejected".equals(report.event())) {
      recordRejection(report);
    }
    return true;
  }

  private void recordRejection(NodeReport report) {
    em.createNativeQuery(
            "UPDATE gateway_node SET rejected_version = ?1, rejected_code = ?2,"
                + " rejected_reason = ?3, rejected_at = now() WHERE id = ?4")
        .setParameter(1, report.rejectedVersion())
        .setParameter(2, truncate(report.rejectedCode(), 32))
        .setParameter(3, truncate(report.rejectedReason(), 2000))
        .setParameter(4, report.nodeId())
        .executeUpdate();
    LOG.warning(
        "node "
            + report.nodeName()
            + " rejected bundle version "
            + report.rejectedVersion()
            + ": "
            + LogSafe.of(report.rejectedCode())
            + " - "
            + LogSafe.of(report.rejectedReason()));
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("node", report.nodeName());
    view.put("version", report.rejectedVersion());
    view.put("code", report.rejectedCode());
    view.put("reason", truncate(report.rejectedReason(), 2000));
    view.put("runningVersion", report.appliedVersion());
    audit.record(
        new Actor("node:" + report.nodeName(), null),
        new AuditedChange(
            "bundle.rejected", "bundle", Long.toString(report.nodeId()), null, AuditJson.of(view)));
  }

  private static OffsetDateTime parseTime(String text) {
    try {
      return text == null ? null : OffsetDateTime.parse(text);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
