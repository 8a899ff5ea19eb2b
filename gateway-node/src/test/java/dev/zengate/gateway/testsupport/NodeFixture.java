package dev.zengate.gateway.testsupport;

import dev.zengate.bundle.testsupport.Ports;
import dev.zengate.gateway.config.ConfigSource;
import dev.zengate.gateway.node.GatewayNode;
import dev.zengate.gateway.proxy.ConfigCompiler;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/** A gateway node started in-process from YAML written to a temporary file. */
public final class NodeFixture implements AutoCloseable {

  public final Path configFile;
  public final int adminPort;
  public final GatewayNode node;

  private NodeFixture(Path configFile, int adminPort, GatewayNode node) {
    this.configFile = configFile;
    this.adminPort = adminPort;
    this.node = node;
  }

  /** {@code body} holds the certificates, trust and listeners sections. */
  public static NodeFixture start(Path dir, String provider, String body) throws Exception {
    return start(dir, provider, "", body);
  }

  /** {@code nodeLines} are more lines of the node section (indented two spaces). */
  public static NodeFixture start(Path dir, String provider, String nodeLines, String body)
      throws Exception {
    int adminPort = Ports.free();
    Path file = dir.resolve("gateway-" + adminPort + ".yaml");
    Files.writeString(file, yaml(provider, adminPort, nodeLines + body));
    GatewayNode node =
        GatewayNode.start(() -> ConfigCompiler.compile(ConfigSource.read(file)), null);
    return new NodeFixture(file, adminPort, node);
  }

  public static String yaml(String provider, int adminPort, String body) {
    return "node:\n  name: test-node\n  tlsProvider: "
        + provider
        + "\n  drainTimeout: 2s\n  admin:\n    listen: 127.0.0.1:"
        + adminPort
        + "\n"
        + body;
  }

  public void rewrite(String provider, String body) throws Exception {
    Files.writeString(configFile, yaml(provider, adminPort, body));
  }

  /** An admin call with the node's token. */
  public HttpResponse<String> admin(String method, String path) throws Exception {
    return AdminCalls.call(adminPort, method, path, adminTokenFile());
  }

  /**
   * The node's metrics once they hold every one of {@code expected}, waiting up to 5 s: a failed
   * handshake is counted on the event loop after the close, which the client may see first.
   */
  public String metricsWith(String... expected) throws Exception {
    String metrics = admin("GET", "/metrics").body();
    for (int i = 0; i < 50 && !java.util.Arrays.stream(expected).allMatch(metrics::contains); i++) {
      Thread.sleep(100);
      metrics = admin("GET", "/metrics").body();
    }
    return metrics;
  }

  /** The token file the node made beside its configuration (the default place). */
  public Path adminTokenFile() {
    return configFile.resolveSibling("admin-token");
  }

  @Override
  public void close() {
    node.close();
  }
}
