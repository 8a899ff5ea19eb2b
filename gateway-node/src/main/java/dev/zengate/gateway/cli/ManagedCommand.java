package dev.zengate.gateway.cli;

import dev.zengate.gateway.config.DurationParser;
import dev.zengate.gateway.config.InvalidConfigException;
import dev.zengate.gateway.managed.ManagedNode;
import dev.zengate.gateway.managed.channel.ChannelClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code managed --state-dir DIR [--config LOCAL.yaml]}: runs an enrolled node. */
@Command(
    name = "managed",
    description = {
      "Run an enrolled node: serve the last applied bundle at once, follow the management cluster"
          + " over the node channel in the background, apply signed bundles and report back.",
      "Exit: 2 not enrolled or invalid local settings, 1 cannot start."
    })
final class ManagedCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(ManagedCommand.class);

  @Option(names = "--state-dir", required = true, description = "Enrolled node state directory.")
  Path stateDir;

  @Option(
      names = "--config",
      description = "Node-local settings (YAML: node section, later pair section).")
  Path config;

  @Option(
      names = "--heartbeat",
      defaultValue = "1s",
      description = "Report interval (default ${DEFAULT-VALUE}).")
  String heartbeat;

  @Option(
      names = "--channel-max-backoff",
      defaultValue = "10s",
      description =
          "Longest wait between node channel reconnection attempts (default ${DEFAULT-VALUE}).")
  String maxBackoff;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Duration interval;
    Duration backoff;
    try {
      interval = DurationParser.parse(heartbeat);
      backoff = DurationParser.parse(maxBackoff);
    } catch (IllegalArgumentException e) {
      return fail(GatewayCommand.EXIT_INVALID_CONFIG, "managed: " + e.getMessage());
    }
    ManagedNode node;
    try {
      node =
          ManagedNode.start(
              new ManagedNode.Settings(
                  stateDir,
                  config,
                  interval,
                  new ChannelClient.Backoff(
                      Duration.ofMillis(Math.min(250, backoff.toMillis())), backoff)));
    } catch (InvalidConfigException e) {
      return fail(GatewayCommand.EXIT_INVALID_CONFIG, e.getMessage());
    } catch (IOException | RuntimeException e) {
      return fail(GatewayCommand.EXIT_FAILURE, "cannot start: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return GatewayCommand.EXIT_FAILURE;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(node::close, "shutdown-drain"));
    try {
      node.awaitStop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.info("interrupted; stopping");
      node.close();
    }
    return 0;
  }

  private int fail(int code, String message) {
    spec.commandLine().getErr().println(message);
    spec.commandLine().getErr().flush();
    return code;
  }
}
