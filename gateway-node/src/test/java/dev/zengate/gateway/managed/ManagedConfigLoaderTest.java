package dev.zengate.gateway.managed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.bundle.BundleContent;
import dev.zengate.gateway.config.InvalidConfigException;
import dev.zengate.gateway.config.NodeConfig;
import dev.zengate.gateway.proxy.CompiledConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local settings file and how bundle node settings merge over it. */
class ManagedConfigLoaderTest {

  @TempDir Path dir;

  @Test
  void withoutBundleServesNothingUnderTheEnrolledNameAndLocalSettings() throws Exception {
    Path local = dir.resolve("local.yaml");
    Files.writeString(local, "node:\n  drainTimeout: 3s\n  crlCacheDir: crl\n");
    CompiledConfig config = ManagedConfigLoader.withoutBundle(local, defaults(dir)).load();
    try {
      NodeConfig node = config.config().node();
      assertEquals("node-7", node.name());
      assertEquals(Duration.ofSeconds(3), node.drainTimeout());
      assertEquals(dir.resolve("crl"), node.crlCacheDir(), "relative to the local file");
      assertTrue(config.listeners().isEmpty());
    } finally {
      config.release();
    }
  }

  @Test
  void bundleNodeSettingsMergeOverLocalOnesButNotTheAdminEndpoint() throws Exception {
    Path local = dir.resolve("local.yaml");
    Files.writeString(local, "node:\n  name: gw-a\n  drainTimeout: 3s\n");
    Path version = Files.createDirectories(dir.resolve("versions/1"));
    BundleContent content =
        new BundleContent(
            Map.of("drainTimeout", "9s", "httpProxy", "http://127.0.0.1:3128"),
            Map.of(),
            Map.of(),
            List.of());
    CompiledConfig config =
        ManagedConfigLoader.forBundle(local, defaults(dir), content, version).load();
    try {
      NodeConfig node = config.config().node();
      assertEquals("gw-a", node.name());
      assertEquals(Duration.ofSeconds(9), node.drainTimeout());
      assertEquals("http://127.0.0.1:3128", node.httpProxy());
      assertEquals(
          dir.resolve("admin-token"), node.admin().tokenFile(), "one token file for every version");
      assertTrue(Files.exists(version.resolve("gateway.yaml")));
    } finally {
      config.release();
    }

    BundleContent admin =
        new BundleContent(Map.of("admin", Map.of("listen", "0.0.0.0:9901")), null, null, null);
    InvalidConfigException refused =
        assertThrows(
            InvalidConfigException.class,
            () -> ManagedConfigLoader.forBundle(local, defaults(dir), admin, version).load());
    assertTrue(refused.getMessage().contains("node.admin is node-local"), refused.getMessage());
  }

  @Test
  void theLocalFileHoldsOnlyNodeLocalSections() throws Exception {
    Path local = dir.resolve("local.yaml");
    Files.writeString(local, "node:\n  name: gw-a\nlisteners: []\n");
    InvalidConfigException e =
        assertThrows(InvalidConfigException.class, () -> LocalConfig.read(local));
    assertTrue(e.getMessage().contains("listeners: not a node-local section"), e.getMessage());

    Files.writeString(local, "node:\n  name: gw-a\npair:\n  priority: 200\n");
    assertEquals(Map.of("priority", 200), LocalConfig.read(local).pair());

    Files.writeString(local, "node:\n  tlsProvider: nonsense\n");
    InvalidConfigException invalid =
        assertThrows(
            InvalidConfigException.class,
            () -> ManagedConfigLoader.withoutBundle(local, defaults(dir)).load());
    assertTrue(invalid.getMessage().contains("tlsProvider"), invalid.getMessage());
  }

  private static ManagedConfigLoader.NodeDefaults defaults(Path dir) {
    return new ManagedConfigLoader.NodeDefaults("node-7", dir.resolve("admin-token"));
  }
}
