package dev.zengate.management.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The audit hash covers every field and the previous event, so any change shows. */
class AuditEventChainTest {

  private static final OffsetDateTime WHEN =
      OffsetDateTime.of(2026, 11, 22, 9, 0, 0, 123_456_789, ZoneOffset.ofHours(9));

  private static AuditEvent event(String previous) {
    return AuditEvent.append(
        new Actor("alice", "127.0.0.1"),
        new AuditedChange(
            "pair.update", "pair", "7", "{\"site\":\"Tokyo\"}", "{\"site\":\"Osaka\"}"),
        WHEN,
        previous);
  }

  @Test
  void chainsToThePreviousHash() {
    AuditEvent first = event(AuditEvent.GENESIS);
    AuditEvent second = event(first.hash());
    assertEquals(first.hash(), second.previousHash());
    assertNotEquals(first.hash(), second.hash(), "same content, different predecessor");
  }

  @Test
  void keepsOnlyMicrosecondsAsPostgresqlDoes() {
    assertEquals(123_456_000, event(AuditEvent.GENESIS).occurredAt().getNano());
    assertEquals(ZoneOffset.UTC, event(AuditEvent.GENESIS).occurredAt().getOffset());
  }

  @Test
  void detectsAnAlteredField() throws Exception {
    for (String field :
        new String[] {
          "actor",
          "sourceAddress",
          "action",
          "objectType",
          "objectId",
          "before",
          "after",
          "previousHash"
        }) {
      AuditEvent event = event(AuditEvent.GENESIS);
      assertTrue(event.contentIntact());
      Field f = AuditEvent.class.getDeclaredField(field);
      f.setAccessible(true);
      f.set(event, f.get(event) + "x");
      assertFalse(event.contentIntact(), field + " altered must break the hash");
    }
  }

  @Test
  void separatesFieldsSoValuesCannotBeShiftedBetweenThem() {
    AuditEvent a =
        AuditEvent.append(
            new Actor("ab", ""),
            new AuditedChange("c", "t", "", null, null),
            WHEN,
            AuditEvent.GENESIS);
    AuditEvent b =
        AuditEvent.append(
            new Actor("a", "b"),
            new AuditedChange("c", "t", "", null, null),
            WHEN,
            AuditEvent.GENESIS);
    assertNotEquals(a.hash(), b.hash());
  }

  @Test
  void aValueLongerThanItsColumnIsCutWithAMarkerAndStillHashed() {
    String name = "x".repeat(150);
    AuditEvent event =
        AuditEvent.append(
            new Actor(name, "127.0.0.1"),
            new AuditedChange("login.failed", "user", name, null, null),
            WHEN,
            AuditEvent.GENESIS);
    assertEquals(100, event.actor().length());
    assertTrue(event.actor().endsWith(AuditEvent.CUT_MARKER), event.actor());
    assertEquals(100, event.objectId().length());
    assertTrue(event.contentIntact());
  }
}
