package dev.zengate.management.tools;

import dev.zengate.management.domain.audit.AuditChain;
import dev.zengate.management.domain.audit.AuditCheckpoint;
import dev.zengate.management.domain.audit.AuditRow;
import dev.zengate.management.domain.audit.ChainVerification;
import dev.zengate.management.infrastructure.crypto.CheckpointSignatures;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The DBA's check of the audit trail, with no management server running: reads the rows over JDBC,
 * recomputes the chain, and compares it with the signed checkpoints from the checkpoint file or the
 * server log (lines containing {@code audit_checkpoint …}).
 *
 * <pre>
 * ZENGATE_DB_URL=jdbc:postgresql://… ZENGATE_DB_USER=… ZENGATE_DB_PASSWORD=… \
 *   java -cp 'zengate/WEB-INF/lib/*' dev.zengate.management.tools.AuditVerify \
 *   --checkpoints FILE [--checkpoints FILE…] [--trust PUBLIC_KEY…]
 * </pre>
 *
 * <p>Without {@code --trust}, a checkpoint's own public key is accepted (its signature is still
 * checked); with it, only those keys (printed by the server at every checkpoint). Exit 0 when
 * intact, 1 when not, 2 on unusable input.
 */
public final class AuditVerify {

  private AuditVerify() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    String url = System.getenv("ZENGATE_DB_URL");
    if (url == null || url.isBlank()) {
      err.println("set ZENGATE_DB_URL, ZENGATE_DB_USER and ZENGATE_DB_PASSWORD");
      return 2;
    }
    return run(
        url,
        System.getenv("ZENGATE_DB_USER"),
        System.getenv("ZENGATE_DB_PASSWORD"),
        args,
        out,
        err);
  }

  /** The check against the database at {@code url}; returns the exit code. */
  public static int run(
      String url, String user, String password, String[] args, PrintStream out, PrintStream err) {
    List<Path> files = new ArrayList<>();
    Set<String> trusted = new HashSet<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--checkpoints") && i + 1 < args.length) {
        files.add(Path.of(args[++i]));
      } else if (args[i].equals("--trust") && i + 1 < args.length) {
        trusted.add(args[++i]);
      } else {
        err.println("usage: AuditVerify --checkpoints FILE… [--trust PUBLIC_KEY…]");
        return 2;
      }
    }
    try {
      List<AuditCheckpoint> checkpoints = new ArrayList<>();
      for (Path file : files) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          AuditCheckpoint.parse(line).ifPresent(checkpoints::add);
        }
      }
      ChainVerification verdict = verify(url, user, password, checkpoints, trusted);
      if (verdict.intact()) {
        out.printf(
            "audit trail intact: %d events, %d checkpoints%s%n",
            verdict.eventsChecked(),
            verdict.checkpointsChecked(),
            verdict.anchoredUpTo() == null
                ? " (none: nothing vouches for the newest events)"
                : ", the newest vouching for event "
                    + verdict.anchoredUpTo()
                    + " at "
                    + verdict.anchoredAt());
        return 0;
      }
      out.println("audit trail NOT intact: " + verdict.problem());
      return 1;
    } catch (java.io.IOException | SQLException e) {
      err.println("cannot check the audit trail: " + e.getMessage());
      return 2;
    }
  }

  static ChainVerification verify(
      String url,
      String user,
      String password,
      List<AuditCheckpoint> checkpoints,
      Set<String> trusted)
      throws SQLException {
    AuditChain chain =
        new AuditChain(
            checkpoints.stream().map(AuditCheckpoint::sequence).collect(Collectors.toSet()));
    try (Connection db = DriverManager.getConnection(url, user, password);
        PreparedStatement rows =
            db.prepareStatement(
                "SELECT id, occurred_at, actor, source_address, action, object_type, object_id,"
                    + " before_value, after_value, previous_hash, hash FROM audit_event ORDER BY id")) {
      rows.setFetchSize(500);
      db.setAutoCommit(false); // a cursor, not the whole trail in memory
      try (ResultSet r = rows.executeQuery()) {
        while (r.next()) {
          AuditRow row =
              new AuditRow(
                  r.getLong(1),
                  r.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                  r.getString(3),
                  r.getString(4),
                  r.getString(5),
                  r.getString(6),
                  r.getString(7),
                  r.getString(8),
                  r.getString(9),
                  r.getString(10),
                  r.getString(11));
          if (!chain.add(row)) {
            break;
          }
        }
      }
    }
    return chain.result(
        checkpoints,
        c ->
            (trusted.isEmpty() || trusted.contains(c.publicKey()))
                && CheckpointSignatures.valid(c));
  }
}
