package dev.zengate.gateway.cli;

import dev.zengate.gateway.config.ConfigSource;
import dev.zengate.gateway.proxy.ConfigCompiler;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code run --config FILE}: serves a configuration file, reloading it on change or SIGHUP. */
@Command(name = "run", description = "Serve the listeners of a configuration file.")
final class RunCommand implements Callable<Integer> {

  @Option(names = "--config", required = true, description = "Configuration file (YAML).")
  Path config;

  @Option(
      names = "--no-watch",
      description = "Do not reload when the file changes (SIGHUP and POST /reload still work).")
  boolean noWatch;

  @Spec CommandSpec spec;

  /** Beside the configuration file: the expiry warnings sent, so a restart does not repeat them. */
  static final String EXPIRY_STATE_FILE = "zengate-expiry-notified.json";

  @Override
  public Integer call() {
    return NodeRunner.run(
        spec,
        () -> ConfigCompiler.compile(ConfigSource.read(config)),
        noWatch ? null : config,
        config.toAbsolutePath().resolveSibling(EXPIRY_STATE_FILE));
  }
}
