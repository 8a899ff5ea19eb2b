package dev.zengate.gateway.config;

/** Where the admin endpoint listens; loopback by default because it can reload the node. */
public record AdminConfig(HostPort listen) {

  public static final HostPort DEFAULT_LISTEN = new HostPort("127.0.0.1", 9901);
  public static final AdminConfig DEFAULT = new AdminConfig(DEFAULT_LISTEN);

  public AdminConfig {
    listen = listen == null ? DEFAULT_LISTEN : listen;
  }
}
