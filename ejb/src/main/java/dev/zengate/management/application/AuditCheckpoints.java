package dev.zengate.management.application;

import dev.zengate.management.domain.audit.AuditCheckpoint;
import dev.zengate.management.infrastructure.crypto.CheckpointSignatures;
import dev.zengate.management.infrastructure.crypto.MasterKeyring;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Anchors the audit trail outside the database: every five minutes (when it grew), and on request,
 * a checkpoint naming the newest event and its hash, signed with a key derived from the master key,
 * goes to the server log (logger {@code dev.zengate.audit.checkpoint}, for syslog forwarding) and
 * to the file named by {@code ZENGATE_AUDIT_CHECKPOINTS}. The database owner can rewrite the trail
 * and recompute its hashes, or delete its newest rows, but cannot sign a checkpoint or reach the
 * file: the verification compares the two.
 */
@Singleton
@Lock(LockType.WRITE)
public class AuditCheckpoints {

  private static final Logger LOG = Logger.getLogger("dev.zengate.audit.checkpoint");

  @PersistenceContext private EntityManager em;
  @Inject private MasterKeyring masterKeys;

  private final Path file = configuredFile();
  private AuditCheckpoint last;

  @Schedule(hour = "*", minute = "*/5", persistent = false)
  public void periodically() {
    head().filter(head -> last == null || last.sequence() != head.id()).ifPresent(this::write);
  }

  /** A checkpoint of the trail as it is now, written at once (empty when the trail is empty). */
  public Optional<AuditCheckpoint> now() {
    return head().map(this::write);
  }

  /** The checkpoints of the file, and the last one made here (in case no file is configured). */
  @Lock(LockType.READ)
  public List<AuditCheckpoint> recorded() {
    TreeMap<Long, AuditCheckpoint> bySequence = new TreeMap<>();
    if (file != null) {
      try {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          AuditCheckpoint.parse(line).ifPresent(c -> bySequence.put(c.sequence(), c));
        }
      } catch (NoSuchFileException none) {
        // No checkpoint written yet.
      } catch (IOException e) {
        LOG.warning("cannot read the audit checkpoints in " + file + ": " + e.getMessage());
      }
    }
    if (last != null) {
      bySequence.putIfAbsent(last.sequence(), last);
    }
    return new ArrayList<>(bySequence.values());
  }

  /** Public keys of the current and the previous master keys: the signers we trust. */
  @Lock(LockType.READ)
  public Set<String> trustedKeys() {
    return masterKeys.all().stream()
        .map(key -> CheckpointSignatures.publicKeyOf(CheckpointSignatures.keyFor(key)))
        .collect(Collectors.toSet());
  }

  private record Head(long id, String hash) {}

  private Optional<Head> head() {
    List<?> rows =
        em.createNativeQuery("SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1")
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = (Object[]) rows.get(0);
    return Optional.of(new Head(((Number) row[0]).longValue(), (String) row[1]));
  }

  private AuditCheckpoint write(Head head) {
    AuditCheckpoint checkpoint =
        CheckpointSignatures.sign(
            head.id(),
            head.hash(),
            Instant.now().truncatedTo(ChronoUnit.MILLIS),
            CheckpointSignatures.keyFor(masterKeys.current().getValue()));
    LOG.info(checkpoint.line());
    if (file != null) {
      try {
        Files.writeString(
            file,
            checkpoint.line() + "\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        LOG.severe("cannot append the audit checkpoint to " + file + ": " + e.getMessage());
      }
    }
    last = checkpoint;
    return checkpoint;
  }

  private static Path configuredFile() {
    String configured = System.getenv("ZENGATE_AUDIT_CHECKPOINTS");
    return configured == null || configured.isBlank() ? null : Path.of(configured);
  }
}
