package dev.zengate.management.interfaces.rest;

import dev.zengate.management.interfaces.rest.dto.AuditEventView;
import java.util.List;

/** Audit events as RFC 4180 CSV, one row per event, for spreadsheets and archives. */
final class AuditCsv {

  private static final String HEADER =
      "id,occurred_at,actor,source_address,action,object_type,object_id,before,after,hash\r\n";

  private AuditCsv() {}

  static String of(List<AuditEventView> events) {
    StringBuilder csv = new StringBuilder(HEADER);
    for (AuditEventView e : events) {
      csv.append(e.id())
          .append(',')
          .append(field(e.occurredAt().toString()))
          .append(',')
          .append(field(e.actor()))
          .append(',')
          .append(field(e.sourceAddress()))
          .append(',')
          .append(field(e.action()))
          .append(',')
          .append(field(e.objectType()))
          .append(',')
          .append(field(e.objectId()))
          .append(',')
          .append(field(e.before()))
          .append(',')
          .append(field(e.after()))
          .append(',')
          .append(field(e.hash()))
          .append("\r\n");
    }
    return csv.toString();
  }

  private static String field(String value) {
    if (value == null) {
      return "";
    }
    // Leading =,+,-,@ would run as formulas in spreadsheets: neutralise them.
    String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
    return "\"" + safe.replace("\"", "\"\"") + "\"";
  }
}
