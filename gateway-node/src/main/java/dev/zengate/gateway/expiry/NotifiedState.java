package dev.zengate.gateway.expiry;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which expiry thresholds were already sent, per certificate (SHA-256), kept in a small JSON file
 * so that a restart does not send the same day's message again. Certificates no longer in the
 * configuration are dropped from the file when it is next written.
 */
final class NotifiedState {

  private static final Logger LOG = LoggerFactory.getLogger(NotifiedState.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final Map<String, Set<Integer>> notified;

  private NotifiedState(Path file, Map<String, Set<Integer>> notified) {
    this.file = file;
    this.notified = notified;
  }

  /**
   * Reads {@code file}; a missing or unreadable file is an empty state (logged when unreadable).
   */
  static NotifiedState load(Path file) {
    Map<String, Set<Integer>> read = new HashMap<>();
    try {
      Map<String, Set<Integer>> stored =
          JSON.readValue(Files.readString(file), new TypeReference<Map<String, Set<Integer>>>() {});
      stored.forEach((sha256, days) -> read.put(sha256, new TreeSet<>(days)));
    } catch (NoSuchFileException e) {
      // First start.
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "expiry_state_unreadable file={} error=\"{}\" (starting afresh)", file, e.toString());
    }
    return new NotifiedState(file, read);
  }

  Set<Integer> of(String sha256) {
    return notified.getOrDefault(sha256, Set.of());
  }

  /** Records a sent threshold and writes the file (atomically), keeping only {@code current}. */
  void sent(String sha256, int thresholdDays, Collection<String> current) {
    notified.computeIfAbsent(sha256, k -> new TreeSet<>()).add(thresholdDays);
    notified.keySet().retainAll(current);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(temp, JSON.writeValueAsString(new TreeMap<>(notified)));
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      LOG.warn("expiry_state_not_saved file={} error=\"{}\"", file, e.toString());
    }
  }
}
