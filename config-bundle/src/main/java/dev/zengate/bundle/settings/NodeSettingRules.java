package dev.zengate.bundle.settings;

import dev.zengate.bundle.syslog.SyslogTarget;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The one set of rules for the node settings a pair sends its nodes (HTTP proxy, DNS, NTP and
 * syslog): the management server checks them when an operator sets them, the node when it reads its
 * file or a bundle, so neither accepts what the other would refuse. Each rule throws {@link
 * IllegalArgumentException} with a sentence naming the value; callers add where it was.
 */
public final class NodeSettingRules {

  public static final int DNS_PORT = 53;
  public static final int NTP_PORT = 123;

  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+(%[\\w.]+)?");
  private static final Pattern HOST_NAME =
      Pattern.compile("(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9-]{1,63})*\\.?");

  private NodeSettingRules() {}

  /** A host and port, as given or with the protocol's default port. */
  public record Endpoint(String host, int port) {

    /** As written back into settings: {@code host:port}, IPv6 in brackets. */
    @Override
    public String toString() {
      return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
  }

  /** {@code http://host:port}: OCSP requests and CRL downloads go through it. */
  public static String httpProxy(String url) {
    String text = url == null ? "" : url.trim();
    try {
      URI uri = new URI(text);
      if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1) {
        throw new IllegalArgumentException(
            "HTTP proxy '"
                + url
                + "' must look like http://host:port (OCSP and CRL go through it)");
      }
      return text;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("HTTP proxy '" + url + "' is not a URL: " + e.getReason());
    }
  }

  /**
   * A name server: {@code IP} or {@code IP:PORT}, IPv6 as {@code [IP]:PORT}. Literals only:
   * resolving a name server's own name would need a name server.
   */
  public static InetSocketAddress dnsServer(String entry) {
    Endpoint endpoint = endpoint("DNS server", entry, DNS_PORT);
    if (!isIpLiteral(endpoint.host())) {
      throw new IllegalArgumentException(
          "DNS server '" + entry + "' is not an IP address (name servers are given as IP[:PORT])");
    }
    try {
      return new InetSocketAddress(InetAddress.getByName(endpoint.host()), endpoint.port());
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("DNS server '" + entry + "' is not an IP address");
    }
  }

  /** A time server: a host name or IP address, with {@code :PORT} when not 123. */
  public static Endpoint ntpServer(String entry) {
    Endpoint endpoint = endpoint("NTP server", entry, NTP_PORT);
    if (!isIpLiteral(endpoint.host()) && !HOST_NAME.matcher(endpoint.host()).matches()) {
      throw new IllegalArgumentException(
          "NTP server '" + entry + "' is not a host name or IP address");
    }
    return endpoint;
  }

  /**
   * Where syslog goes: {@code host:port} (UDP), {@code tcp://host:port} or {@code tls://host:port}.
   */
  public static SyslogTarget syslogTarget(String value) {
    return SyslogTarget.parse("syslog target", value);
  }

  /** Recognises IP address literals without resolving anything through DNS. */
  public static boolean isIpLiteral(String text) {
    return text != null
        && (IPV4.matcher(text).matches() || (text.contains(":") && IPV6.matcher(text).matches()));
  }

  private static Endpoint endpoint(String what, String entry, int defaultPort) {
    String text = entry == null ? "" : entry.trim();
    String host = text;
    int port = defaultPort;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException(
            what + " '" + entry + "' lacks the closing ']' of an IPv6 address");
      }
      host = text.substring(1, close);
      if (close + 1 < text.length()) {
        port = port(what, text.substring(close + 1), entry);
      }
    } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
      host = text.substring(0, text.indexOf(':'));
      port = port(what, text.substring(text.indexOf(':')), entry);
    }
    if (host.isEmpty()) {
      throw new IllegalArgumentException(what + " '" + entry + "' names no host");
    }
    return new Endpoint(host, port);
  }

  private static int port(String what, String colonAndPort, String entry) {
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
      throw new IllegalArgumentException(
          what + " '" + entry + "' has no valid port after the address");
    }
  }
}
