package dev.zengate.management.infrastructure.crypto;

import dev.zengate.management.domain.shared.UnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master keys that wrap the data keys of sealed secrets. They never enter the database: the
 * current one comes from {@code ZENGATE_MASTER_KEY} (base64, 32 bytes) or the file named by {@code
 * ZENGATE_MASTER_KEY_FILE}; earlier ones, still needed to open what they wrapped until it is
 * re-wrapped, from {@code ZENGATE_MASTER_KEY_PREVIOUS} (comma-separated). A key's id is derived
 * from the key, so it is stable wherever the key is configured.
 */
@ApplicationScoped
public class MasterKeyring {

  private static final Logger LOG = Logger.getLogger(MasterKeyring.class.getName());

  private final Map<String, SecretKey> keys = new LinkedHashMap<>();
  private String currentId;
  private String problem;

  @PostConstruct
  void load() {
    try {
      Optional<String> current = currentKeyText();
      if (current.isEmpty()) {
        problem =
            "no master key is configured (set ZENGATE_MASTER_KEY or ZENGATE_MASTER_KEY_FILE):"
                + " private keys cannot be stored or used";
        LOG.warning(problem);
        return;
      }
      currentId = add(current.get(), "ZENGATE_MASTER_KEY");
      String previous = System.getenv("ZENGATE_MASTER_KEY_PREVIOUS");
      if (previous != null) {
        for (String key : previous.split(",")) {
          if (!key.isBlank()) {
            add(key, "ZENGATE_MASTER_KEY_PREVIOUS");
          }
        }
      }
    } catch (IllegalArgumentException | IOException e) {
      problem = "the master key configuration is unusable: " + e.getMessage();
      LOG.warning(problem);
    }
  }

  /** The id and key new secrets are wrapped with. */
  public Map.Entry<String, SecretKey> current() {
    if (currentId == null) {
      throw new UnavailableException(problem);
    }
    return Map.entry(currentId, keys.get(currentId));
  }

  /** Every configured master key, the current one first (empty when none is configured). */
  public List<SecretKey> all() {
    List<SecretKey> all = new ArrayList<>();
    if (currentId != null) {
      all.add(keys.get(currentId));
    }
    keys.forEach(
        (id, key) -> {
          if (!id.equals(currentId)) {
            all.add(key);
          }
        });
    return all;
  }

  public SecretKey byId(String id) {
    SecretKey key = keys.get(id);
    if (key == null) {
      throw new UnavailableException(
          "the secret is wrapped by master key "
              + id
              + ", which is not configured (add it to ZENGATE_MASTER_KEY_PREVIOUS)");
    }
    return key;
  }

  private static Optional<String> currentKeyText() throws IOException {
    String inline = System.getenv("ZENGATE_MASTER_KEY");
    if (inline != null && !inline.isBlank()) {
      return Optional.of(inline);
    }
    String file = System.getenv("ZENGATE_MASTER_KEY_FILE");
    if (file != null && !file.isBlank()) {
      return Optional.of(Files.readString(Path.of(file), StandardCharsets.US_ASCII));
    }
    return Optional.empty();
  }

  private String add(String base64, String source) {
    byte[] bytes = Base64.getDecoder().decode(base64.trim());
    if (bytes.length != 32) {
      throw new IllegalArgumentException(
          source + " must be 32 bytes in base64 (AES-256), not " + bytes.length + " bytes");
    }
    String id = idOf(bytes);
    keys.put(id, new SecretKeySpec(bytes, "AES"));
    return id;
  }

  static String idOf(byte[] key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
      return "mk-" + HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
