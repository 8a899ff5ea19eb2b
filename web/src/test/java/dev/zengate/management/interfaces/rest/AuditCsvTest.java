package dev.zengate.management.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.management.interfaces.rest.dto.AuditEventView;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Audit exports are opened in spreadsheets: no cell may start like a formula. */
class AuditCsvTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "=HYPERLINK(\"http://x\")",
        "+1+1",
        "-2+3",
        "@SUM(A1:A9)",
        "\t=1+1",
        "\r=1+1",
        "=1+1\nsecond line",
      })
  void aCellThatCouldRunAsAFormulaIsPrefixed(String actor) {
    String row = AuditCsv.of(List.of(event(actor))).split("\r\n", 2)[1];
    String cell = row.split(",", 3)[2];
    assertTrue(cell.startsWith("\"'"), cell);
  }

  @ParameterizedTest
  @ValueSource(strings = {"admin", "o'brien", "a=b", "日本語"})
  void anOrdinaryCellIsKeptAsItIs(String actor) {
    String row = AuditCsv.of(List.of(event(actor))).split("\r\n", 2)[1];
    assertEquals("\"" + actor + "\"", row.split(",", 3)[2].substring(0, actor.length() + 2));
  }

  private static AuditEventView event(String actor) {
    return new AuditEventView(
        1,
        OffsetDateTime.parse("2026-12-03T09:00:00Z"),
        actor,
        "127.0.0.1",
        "login.failed",
        "user",
        actor,
        null,
        null,
        "00");
  }
}
