package dev.zengate.gateway.cli;

import dev.zengate.gateway.config.InvalidConfigException;
import dev.zengate.gateway.node.GatewayNode;
import dev.zengate.gateway.reload.ConfigLoader;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;

/** Starts a node, stops it (draining) on SIGTERM/SIGINT, and maps failures to exit codes. */
final class NodeRunner {

  private static final Logger LOG = LoggerFactory.getLogger(NodeRunner.class);

  private NodeRunner() {}

  /**
   * @param expiryState where a node run from a file keeps the expiry warnings it sent (its own
   *     certificates are watched then), or null for none
   */
  static int run(CommandSpec spec, ConfigLoader loader, Path watchFile, Path expiryState) {
    GatewayNode node;
    try {
      node = GatewayNode.start(loader, watchFile);
      if (expiryState != null) {
        node.watchOwnCertificates(expiryState);
      }
    } catch (InvalidConfigException e) {
      spec.commandLine().getErr().println(e.getMessage());
      spec.commandLine().getErr().flush();
      return GatewayCommand.EXIT_INVALID_CONFIG;
    } catch (IOException | RuntimeException e) {
      spec.commandLine().getErr().println("cannot start: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return GatewayCommand.EXIT_FAILURE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return GatewayCommand.EXIT_FAILURE;
    }
    Thread hook = new Thread(node::close, "shutdown-drain");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      node.awaitStop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.info("interrupted; stopping");
      node.close();
    }
    return 0;
  }
}
