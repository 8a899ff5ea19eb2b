package dev.zengate.gateway.config;

import java.nio.file.Path;

/**
 * The node's admin endpoint. It can reload the node and shows its whole status, so it listens on
 * loopback by default and asks for a bearer token for everything but {@code /health} (and {@code
 * /metrics} while it stays on loopback).
 *
 * @param enabled false for no admin endpoint at all (quick mode without {@code --admin})
 * @param listen where it listens
 * @param tokenFile the file holding the bearer token: read when it exists, else generated there
 *     (mode 0600). Relative paths are resolved against the configuration file's directory.
 */
public record AdminConfig(Boolean enabled, HostPort listen, Path tokenFile) {

  public static final HostPort DEFAULT_LISTEN = new HostPort("127.0.0.1", 9901);
  public static final Path DEFAULT_TOKEN_FILE = Path.of("admin-token");
  public static final AdminConfig DEFAULT = new AdminConfig(true, DEFAULT_LISTEN, null);

  /** No admin endpoint. */
  public static final AdminConfig OFF = new AdminConfig(false, DEFAULT_LISTEN, null);

  public AdminConfig {
    enabled = enabled == null || enabled;
    listen = listen == null ? DEFAULT_LISTEN : listen;
    tokenFile = tokenFile == null ? DEFAULT_TOKEN_FILE : tokenFile;
  }

  /** An enabled endpoint on {@code listen} with its token in {@code tokenFile}. */
  public static AdminConfig on(HostPort listen, Path tokenFile) {
    return new AdminConfig(true, listen, tokenFile);
  }

  public boolean isEnabled() {
    return enabled;
  }

  AdminConfig resolveAgainst(Path base) {
    return base == null || tokenFile.isAbsolute()
        ? this
        : new AdminConfig(enabled, listen, base.resolve(tokenFile).normalize());
  }
}
