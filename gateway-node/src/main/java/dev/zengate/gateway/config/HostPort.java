package dev.zengate.gateway.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A socket address as written in configuration: {@code HOST:PORT} or {@code [IPv6]:PORT}. */
public record HostPort(String host, int port) {

  public HostPort {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host is empty");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " out of range 1-65535");
    }
  }

  @JsonCreator
  public static HostPort parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("expected HOST:PORT, got an empty value");
    }
    String trimmed = text.trim();
    int colon = trimmed.lastIndexOf(':');
    if (colon <= 0 || colon == trimmed.length() - 1) {
      throw new IllegalArgumentException("expected HOST:PORT, got '" + text + "'");
    }
    String host = trimmed.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      throw new IllegalArgumentException("IPv6 addresses must be bracketed: '" + text + "'");
    }
    String portText = trimmed.substring(colon + 1);
    long port;
    try {
      port = Long.parseLong(portText);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("port '" + portText + "' is not a number");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " out of range 1-65535");
    }
    return new HostPort(host, (int) port);
  }

  @JsonValue
  @Override
  public String toString() {
    return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
  }
}
