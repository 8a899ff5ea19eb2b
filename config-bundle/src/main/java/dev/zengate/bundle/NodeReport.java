package dev.zengate.bundle;

import dev.zengate.bundle.settings.ClockStatus;
import dev.zengate.bundle.settings.NodeSettings;

/**
 * What a node tells the management server, on every applied or refused bundle, role change, and
 * periodically as a heartbeat.
 *
 * @param event what prompted the report: {@code applied}, {@code rejected}, {@code role}, {@code
 *     heartbeat}, {@code started}
 * @param role MASTER, BACKUP, STANDALONE (no pair section) or INIT
 * @param appliedVersion bundle version being served (0 for none)
 * @param appliedHash content hash being served, or null
 * @param rejectedVersion version of the last refused bundle (0 for none)
 * @param rejectedCode short reason of the last refusal ({@link BundleRejectedException#code})
 * @param rejectedReason the sentence for the operator
 * @param startedAt ISO-8601 instant the node process started
 * @param sentAt ISO-8601 instant of this report
 * @param activeConnections connections open through the node's listeners
 * @param settings the pair settings the node applies (HTTP proxy, DNS, NTP, syslog), or null
 * @param clock how the node's clock compares with its time servers, or null
 */
public record NodeReport(
    long nodeId,
    String nodeName,
    long pairId,
    String event,
    String role,
    long appliedVersion,
    String appliedHash,
    long rejectedVersion,
    String rejectedCode,
    String rejectedReason,
    String startedAt,
    String sentAt,
    long activeConnections,
    NodeSettings settings,
    ClockStatus clock) {

  /** A report without settings and clock (the node has not told them). */
  public NodeReport(
      long nodeId,
      String nodeName,
      long pairId,
      String event,
      String role,
      long appliedVersion,
      String appliedHash,
      long rejectedVersion,
      String rejectedCode,
      String rejectedReason,
      String startedAt,
      String sentAt,
      long activeConnections) {
    this(
        nodeId,
        nodeName,
        pairId,
        event,
        role,
        appliedVersion,
        appliedHash,
        rejectedVersion,
        rejectedCode,
        rejectedReason,
        startedAt,
        sentAt,
        activeConnections,
        null,
        null);
  }

  /** The same report for another event. */
  public NodeReport withEvent(String newEvent) {
    return new NodeReport(
        nodeId,
        nodeName,
        pairId,
        newEvent,
        role,
        appliedVersion,
        appliedHash,
        rejectedVersion,
        rejectedCode,
        rejectedReason,
        startedAt,
        sentAt,
        activeConnections,
        settings,
        clock);
  }

  public String toJson() {
    return BundleJson.canonicalText(this);
  }
}
