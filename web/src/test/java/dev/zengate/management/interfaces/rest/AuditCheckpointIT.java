package dev.zengate.management.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.management.domain.audit.AuditHash;
import dev.zengate.management.interfaces.rest.ManagementServer.Reply;
import dev.zengate.management.testsupport.TestDatabaseSwitch;
import dev.zengate.management.tools.AuditVerify;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit trail anchored outside the database: the owner of the schema can delete the newest
 * events or rewrite an event and recompute every later hash (the chain alone then still verifies),
 * but the signed checkpoints in the server's checkpoint file tell, through the API and through the
 * DBA's offline command alike. Own server and database: it tampers with the trail.
 */
class AuditCheckpointIT {

  @TempDir Path dir;

  @Test
  void deletedNewestEventsAndARewrittenHistoryAreBothReported() throws Exception {
    String database = "zengate_test_anchor_" + System.nanoTime();
    Path checkpoints = dir.resolve("audit-checkpoints");
    owner(maintenance(), "CREATE DATABASE " + database);
    try (PayaraMicroProcess server =
        PayaraMicroProcess.start(
            dir, database, Map.of("ZENGATE_AUDIT_CHECKPOINTS", checkpoints.toString()))) {
      ManagementServer admin = server.admin();
      String url = databaseUrl(database);

      // The newest events deleted: the chain that remains is consistent, the checkpoint is not.
      createPairs(admin, "tail", 4);
      long anchored = checkpoint(admin);
      assertTrue(verify(admin).getBoolean("intact"), verify(admin).toString());
      assertEquals(anchored, verify(admin).getJsonNumber("anchoredUpTo").longValue());
      asOwner(url, "DELETE FROM audit_event WHERE id > " + (anchored - 2));
      JsonObject truncated = verify(admin);
      assertFalse(truncated.getBoolean("intact"), truncated.toString());
      assertTrue(
          truncated.getString("problem").contains("newest events were deleted"),
          truncated.toString());
      assertTrue(offline(url, checkpoints).contains("newest events were deleted"));

      // A new baseline, then history rewritten with every later hash recomputed.
      Files.delete(checkpoints);
      createPairs(admin, "rewrite", 4);
      checkpoint(admin);
      assertTrue(verify(admin).getBoolean("intact"), verify(admin).toString());
      rewriteFirstPairCreationAndRecomputeTheChain(url);
      JsonObject rewritten = verify(admin);
      assertFalse(rewritten.getBoolean("intact"), rewritten.toString());
      assertTrue(rewritten.getString("problem").contains("rewritten"), rewritten.toString());
      assertTrue(offline(url, checkpoints).contains("rewritten"));
    } finally {
      owner(maintenance(), "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  private static void createPairs(ManagementServer admin, String prefix, int count)
      throws Exception {
    for (int i = 0; i < count; i++) {
      Reply created =
          admin.post("api/pairs", JsonBody.of(Map.of("name", prefix + "-" + System.nanoTime())));
      assertEquals(201, created.status(), created.body());
    }
  }

  private static long checkpoint(ManagementServer admin) throws Exception {
    Reply made = admin.post("api/audit/checkpoints", "{}");
    assertEquals(201, made.status(), made.body());
    return made.json().getJsonNumber("sequence").longValue();
  }

  private static JsonObject verify(ManagementServer admin) throws Exception {
    Reply verdict = admin.get("api/audit/verify");
    assertEquals(200, verdict.status(), verdict.body());
    return verdict.json();
  }

  /** The DBA's command, run without the server's help. */
  private static String offline(String url, Path checkpoints) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit =
        AuditVerify.run(
            url,
            System.getenv("ZENGATE_DB_USER"),
            System.getenv("ZENGATE_DB_PASSWORD"),
            new String[] {"--checkpoints", checkpoints.toString()},
            new PrintStream(out),
            new PrintStream(out));
    String printed = out.toString(StandardCharsets.UTF_8);
    assertEquals(1, exit, printed);
    return printed;
  }

  /** What an intruder with the owner's rights does to hide a change: a consistent new chain. */
  private static void rewriteFirstPairCreationAndRecomputeTheChain(String url) throws Exception {
    try (Connection db = TestDatabaseSwitch.asOwner(url);
        Statement s = db.createStatement()) {
      s.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only");
      long victim = 0;
      String previous = null;
      try (ResultSet rows =
              s.getConnection()
                  .createStatement()
                  .executeQuery(
                      "SELECT id, occurred_at, actor, source_address, action, object_type,"
                          + " object_id, before_value, after_value, previous_hash FROM audit_event"
                          + " ORDER BY id");
          PreparedStatement update =
              db.prepareStatement(
                  "UPDATE audit_event SET actor = ?, previous_hash = ?, hash = ? WHERE id = ?")) {
        while (rows.next()) {
          long id = rows.getLong(1);
          String actor = rows.getString(3);
          if (victim == 0 && rows.getString(5).equals("pair.create")) {
            victim = id;
            actor = "someone-else";
          }
          if (victim == 0) {
            previous = null;
            continue;
          }
          String linked = previous == null ? rows.getString(10) : previous;
          String hash =
              AuditHash.of(
                  rows.getObject(2, OffsetDateTime.class).toInstant(),
                  actor,
                  rows.getString(4),
                  rows.getString(5),
                  rows.getString(6),
                  rows.getString(7),
                  rows.getString(8),
                  rows.getString(9),
                  linked);
          update.setString(1, actor);
          update.setString(2, linked);
          update.setString(3, hash);
          update.setLong(4, id);
          update.executeUpdate();
          previous = hash;
        }
      }
      s.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only");
    }
  }

  private static void asOwner(String url, String sql) throws Exception {
    try (Connection db = TestDatabaseSwitch.asOwner(url);
        Statement s = db.createStatement()) {
      s.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only");
      s.execute(sql);
      s.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only");
    }
  }

  private static String databaseUrl(String database) {
    String url = System.getenv("ZENGATE_DB_URL");
    return url.substring(0, url.lastIndexOf('/') + 1) + database;
  }

  private static String maintenance() {
    return databaseUrl("postgres");
  }

  private static void owner(String url, String sql) throws Exception {
    try (Connection c = TestDatabaseSwitch.asOwner(url);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
