package dev.zengate.management.application;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.Map;

/** Renders the before/after values of audit events as JSON text. */
final class AuditJson {

  private static final Jsonb JSONB = JsonbBuilder.create();

  private AuditJson() {}

  static String of(Map<String, Object> view) {
    return view == null ? null : JSONB.toJson(view);
  }
}
