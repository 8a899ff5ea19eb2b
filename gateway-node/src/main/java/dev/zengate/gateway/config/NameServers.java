package dev.zengate.gateway.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The DNS servers a node resolves target host names with ({@code node.dnsServers}, the appliance's
 * DNS setting): {@code IP} or {@code IP:PORT}, IPv6 as {@code [IP]:PORT}. Literals only: resolving
 * a name server's own name would need a name server.
 */
public final class NameServers {

  static final int DNS_PORT = 53;

  private NameServers() {}

  /** Parses every entry; the problem names the entry by its index. */
  public static List<InetSocketAddress> parse(List<String> entries) throws ConfigProblem {
    List<InetSocketAddress> servers = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      servers.add(parse(entries.get(i), "node.dnsServers[" + i + "]"));
    }
    return List.copyOf(servers);
  }

  private static InetSocketAddress parse(String entry, String at) throws ConfigProblem {
    String text = entry == null ? "" : entry.trim();
    String host = text;
    int port = DNS_PORT;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        throw new ConfigProblem(at, "'" + entry + "' lacks the closing ']' of an IPv6 address");
      }
      host = text.substring(1, close);
      if (close + 1 < text.length()) {
        port = port(text.substring(close + 1), entry, at);
      }
    } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
      host = text.substring(0, text.indexOf(':'));
      port = port(text.substring(text.indexOf(':')), entry, at);
    }
    if (!IpLiteral.isIpLiteral(host)) {
      throw new ConfigProblem(
          at, "'" + entry + "' is not an IP address (name servers are given as IP[:PORT])");
    }
    try {
      return new InetSocketAddress(InetAddress.getByName(host), port);
    } catch (UnknownHostException e) {
      throw new ConfigProblem(at, "'" + entry + "' is not an IP address");
    }
  }

  private static int port(String colonAndPort, String entry, String at) throws ConfigProblem {
    try {
      if (!colonAndPort.startsWith(":")) {
        throw new NumberFormatException();
      }
      int port = Integer.parseInt(colonAndPort.substring(1));
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new ConfigProblem(at, "'" + entry + "' has no valid port after the address");
    }
  }
}
