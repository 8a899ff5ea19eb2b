package dev.zengate.bundle.syslog;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where syslog messages go: {@code host:port} (UDP, RFC 5426, as the appliance sends), or with a
 * transport named, {@code udp://host:port}, {@code tcp://host:port} (RFC 6587 octet counting) or
 * {@code tls://host:port} (RFC 5425: octet counting inside TLS 1.2+, the server's certificate
 * verified against its name).
 */
public record SyslogTarget(Transport transport, String host, int port) {

  public enum Transport {
    UDP,
    TCP,
    TLS
  }

  private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9.:\\[\\]-]+:\\d{1,5}");

  /** Parses and checks a target as an operator writes it; {@code what} names it in errors. */
  public static SyslogTarget parse(String what, String value) {
    String text = value == null ? "" : value.trim();
    Transport transport = Transport.UDP;
    int scheme = text.indexOf("://");
    if (scheme >= 0) {
      String name = text.substring(0, scheme).toUpperCase(Locale.ROOT);
      try {
        transport = Transport.valueOf(name);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            what
                + " '"
                + value
                + "' names no known transport: use udp://, tcp:// or tls:// (or none: UDP)");
      }
      text = text.substring(scheme + 3);
    }
    if (!HOST_PORT.matcher(text).matches()) {
      throw new IllegalArgumentException(what + " '" + value + "' must be host:port");
    }
    int colon = text.lastIndexOf(':');
    int port = Integer.parseInt(text.substring(colon + 1));
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(what + " port " + port + " is out of range 1-65535");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.isEmpty() || host.contains("[") || host.contains("]")) {
      throw new IllegalArgumentException(what + " '" + value + "' must be host:port");
    }
    return new SyslogTarget(transport, host, port);
  }

  /** As stored and shown: {@code host:port} for UDP, {@code tcp://} or {@code tls://} otherwise. */
  @Override
  public String toString() {
    String hostPort = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    return transport == Transport.UDP
        ? hostPort
        : transport.name().toLowerCase(Locale.ROOT) + "://" + hostPort;
  }
}
