package dev.zengate.gateway.admin;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Refuses requests addressed to a host name other than the endpoint's own: a web page that rebinds
 * its DNS name to 127.0.0.1 still sends its own name in {@code Host}. IP literals and {@code
 * localhost} are accepted, since no attacker page can be served under them.
 */
final class HostCheck {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-fA-F:.]+(%[\\w.-]+)?]");

  private final String ownHost;

  HostCheck(String ownHost) {
    this.ownHost = ownHost.toLowerCase(Locale.ROOT);
  }

  boolean allows(String hostHeader) {
    if (hostHeader == null || hostHeader.isBlank()) {
      return false;
    }
    String host = withoutPort(hostHeader.trim().toLowerCase(Locale.ROOT));
    return host.equals("localhost")
        || host.equals(ownHost)
        || IPV4.matcher(host).matches()
        || IPV6.matcher(host).matches();
  }

  private static String withoutPort(String host) {
    int bracket = host.lastIndexOf(']');
    int colon = host.lastIndexOf(':');
    return colon > bracket ? host.substring(0, colon) : host;
  }
}
