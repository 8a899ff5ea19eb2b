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

  /**
   * OWASP's rule for CSV injection: a cell starting with = + - @ tab or carriage return may run as
   * a formula in a spreadsheet (whatever follows, line breaks included), so it gets a leading '.
   */
  static boolean startsLikeAFormula(String value) {
    return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
  }

  private static String field(String value) {
    if (value == null) {
      return "";
    }
    String safe = startsLikeAFormula(value) ? "'" + value : value;
    return "\"" + safe.replace("\"", "\"\"") + "\"";
  }
}
