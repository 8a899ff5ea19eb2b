package dev.zengate.gateway.reload;

import dev.zengate.gateway.config.InvalidConfigException;
import dev.zengate.gateway.proxy.CompiledConfig;

/** Produces a fully validated configuration, from a file or from command-line options. */
@FunctionalInterface
public interface ConfigLoader {
  CompiledConfig load() throws InvalidConfigException;
}
