package dev.zengate.gateway.managed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.zengate.bundle.BundleContent;
import dev.zengate.gateway.config.ConfigSource;
import dev.zengate.gateway.config.InvalidConfigException;
import dev.zengate.gateway.proxy.CompiledConfig;
import dev.zengate.gateway.proxy.ConfigCompiler;
import dev.zengate.gateway.reload.ConfigLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Produces a managed node's configuration in the gateway's own format: the local node section with
 * the bundle's node settings merged over it, plus the bundle's certificates, trust sets and
 * listeners pointing at the files {@link BundleMaterializer} wrote. The result is written as {@code
 * gateway.yaml} into the version directory and compiled like any configuration file, so a bundle
 * meets exactly the validation a hand-written file does, problems name a line of a file the
 * operator can open, and {@code zengate-gateway check --config versions/N/gateway.yaml} works on
 * it. The local file is read again at every load, so SIGHUP or {@code POST /reload} pick up its
 * changes without a new bundle.
 */
public final class ManagedConfigLoader implements ConfigLoader {

  private static final YAMLMapper YAML = new YAMLMapper();

  private final Path localFile;
  private final NodeDefaults defaults;
  private final BundleContent content;
  private final Path versionDir;

  /**
   * What a managed node uses where its local file says nothing.
   *
   * @param name the enrolled node name
   * @param adminTokenFile the admin endpoint's token file, in the state directory (one for every
   *     version, so scripts keep working across bundles)
   */
  public record NodeDefaults(String name, Path adminTokenFile) {}

  private ManagedConfigLoader(
      Path localFile, NodeDefaults defaults, BundleContent content, Path versionDir) {
    this.localFile = localFile;
    this.defaults = defaults;
    this.content = content;
    this.versionDir = versionDir;
  }

  /** The configuration of a node without a bundle: local node settings, no listeners. */
  public static ManagedConfigLoader withoutBundle(Path localFile, NodeDefaults defaults) {
    return new ManagedConfigLoader(localFile, defaults, null, null);
  }

  /** The configuration of {@code content}, materialized in {@code versionDir}. */
  public static ManagedConfigLoader forBundle(
      Path localFile, NodeDefaults defaults, BundleContent content, Path versionDir) {
    return new ManagedConfigLoader(localFile, defaults, content, versionDir);
  }

  @Override
  public CompiledConfig load() throws InvalidConfigException {
    LocalConfig local = LocalConfig.read(localFile);
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("node", node(local));
    if (!local.pair().isEmpty()) {
      root.put("pair", local.pair());
    }
    if (content == null) {
      return ConfigCompiler.compile(
          ConfigSource.inMemory("managed node (no bundle applied)", yaml(root)));
    }
    Map<String, Object> certificates = new LinkedHashMap<>();
    for (String name : content.certificates().keySet()) {
      String file = FileNames.of(name);
      certificates.put(
          name, Map.of("chain", "certificates/" + file + ".pem", "key", "keys/" + file + ".key"));
    }
    Map<String, Object> trust = new LinkedHashMap<>();
    for (String name : content.trust().keySet()) {
      trust.put(name, Map.of("caFiles", List.of("trust/" + FileNames.of(name) + ".pem")));
    }
    root.put("certificates", certificates);
    root.put("trust", trust);
    root.put("listeners", content.listeners());
    Path file = versionDir.resolve("gateway.yaml");
    try {
      StateDir.writeAtomically(file, yaml(root));
    } catch (IOException e) {
      throw new InvalidConfigException(file + ": cannot write: " + e.getMessage(), e);
    }
    return ConfigCompiler.compile(ConfigSource.read(file));
  }

  private Map<String, Object> node(LocalConfig local) throws InvalidConfigException {
    Map<String, Object> node = new LinkedHashMap<>(local.node());
    node.putIfAbsent("name", defaults.name());
    Map<String, Object> admin =
        node.get("admin") instanceof Map<?, ?> written
            ? new LinkedHashMap<>(castMap(written))
            : new LinkedHashMap<>();
    admin.putIfAbsent("tokenFile", defaults.adminTokenFile().toAbsolutePath().toString());
    node.put("admin", admin);
    if (content != null) {
      if (content.node().containsKey("admin")) {
        throw new InvalidConfigException(
            "bundle: node.admin is node-local (set it in the node's --config file)", null);
      }
      node.putAll(content.node());
    }
    return node;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }

  private static String yaml(Map<String, Object> root) throws InvalidConfigException {
    try {
      return "# Generated by zengate-gateway managed mode; edits are overwritten.\n"
          + YAML.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new InvalidConfigException("bundle: cannot express as configuration: " + e, e);
    }
  }
}
