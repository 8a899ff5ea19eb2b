package dev.zengate.gateway.managed;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.zengate.gateway.config.InvalidConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The node-local part of a managed node's configuration (the optional {@code --config} file): the
 * {@code node} section of the normal format (name, tlsProvider, admin, drainTimeout, crlCacheDir,
 * httpProxy) and the {@code pair} section of the master/backup election (gateway-node/README.md,
 * Pairs). Certificates, trust and listeners come from the bundle only. The node section is
 * validated together with the bundle, when the combined configuration is compiled.
 *
 * @param node the node section, {@code crlCacheDir} made absolute against the file's directory
 * @param pair the pair section as written, or an empty map
 */
public record LocalConfig(Map<String, Object> node, Map<String, Object> pair) {

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Set<String> SECTIONS = Set.of("node", "pair");

  public static final LocalConfig EMPTY = new LocalConfig(Map.of(), Map.of());

  /** Reads {@code file}; a null file means no local settings. */
  public static LocalConfig read(Path file) throws InvalidConfigException {
    if (file == null) {
      return EMPTY;
    }
    Map<String, Object> root;
    try {
      root = YAML.readValue(Files.readString(file), new TypeReference<Map<String, Object>>() {});
    } catch (NoSuchFileException e) {
      throw new InvalidConfigException(file + ": file not found", e);
    } catch (IOException | RuntimeException e) {
      throw new InvalidConfigException(file + ": " + firstLine(e.getMessage()), e);
    }
    if (root == null) {
      return EMPTY;
    }
    for (String section : root.keySet()) {
      if (!SECTIONS.contains(section)) {
        throw new InvalidConfigException(
            file
                + ": "
                + section
                + ": not a node-local section (known: node, pair); certificates, trust and"
                + " listeners come from the management server's bundle",
            null);
      }
    }
    Map<String, Object> node = section(file, root, "node");
    Object cache = node.get("crlCacheDir");
    if (cache instanceof String dir) {
      node.put(
          "crlCacheDir", file.toAbsolutePath().getParent().resolve(dir).normalize().toString());
    }
    if (node.get("admin") instanceof Map<?, ?> admin
        && admin.get("tokenFile") instanceof String token) {
      Map<String, Object> resolved = new LinkedHashMap<>();
      admin.forEach((key, value) -> resolved.put(String.valueOf(key), value));
      resolved.put(
          "tokenFile", file.toAbsolutePath().getParent().resolve(token).normalize().toString());
      node.put("admin", resolved);
    }
    Map<String, Object> pair = section(file, root, "pair");
    // The combined configuration is written elsewhere: keep local files pointing here.
    if (pair.get("secretFile") instanceof String secret) {
      pair.put(
          "secretFile", file.toAbsolutePath().getParent().resolve(secret).normalize().toString());
    }
    return new LocalConfig(node, pair);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(Path file, Map<String, Object> root, String name)
      throws InvalidConfigException {
    Object value = root.get(name);
    if (value == null) {
      return new LinkedHashMap<>();
    }
    if (!(value instanceof Map)) {
      throw new InvalidConfigException(file + ": " + name + ": must be a mapping", null);
    }
    return new LinkedHashMap<>((Map<String, Object>) value);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
