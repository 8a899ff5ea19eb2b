package dev.zengate.gateway.cli;

import dev.zengate.gateway.config.GatewayConfig;
import dev.zengate.gateway.proxy.ConfigCompiler;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A node with one listener described by options; reloads (SIGHUP) re-read its files. */
abstract class QuickCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  abstract GatewayConfig toConfig();

  @Override
  public Integer call() {
    GatewayConfig config;
    try {
      config = toConfig();
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println(spec.name() + ": " + e.getMessage());
      spec.commandLine().getErr().flush();
      return GatewayCommand.EXIT_INVALID_CONFIG;
    }
    return NodeRunner.run(spec, () -> ConfigCompiler.compile(config, spec.name()), null, null);
  }
}
