package dev.zengate.gateway.trust;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks that a server certificate names the host the gateway dialled: a DNS name against dNSName
 * subjectAltNames (one left-most wildcard label allowed) and an IP address against iPAddress
 * subjectAltNames. The subject CN is not consulted (RFC 6125, CA/B Forum).
 */
public final class HostNames {

  private static final int SAN_DNS = 2;
  private static final int SAN_IP = 7;
  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

  private HostNames() {}

  /** Whether the text is an IPv4 or IPv6 literal (optionally in brackets); never resolves names. */
  public static boolean isIpLiteral(String name) {
    return IPV4.matcher(name).matches() || name.contains(":");
  }

  /** Null when the certificate matches, else the mismatch in plain words. */
  static String mismatch(X509Certificate leaf, String expected) {
    boolean ip = isIpLiteral(expected);
    List<String> names = new ArrayList<>();
    Collection<List<?>> sans;
    try {
      sans = leaf.getSubjectAlternativeNames();
    } catch (CertificateParsingException e) {
      return "name mismatch: the subjectAltName of " + Certificates.name(leaf) + " is unreadable";
    }
    if (sans != null) {
      for (List<?> san : sans) {
        int type = (Integer) san.get(0);
        String value = String.valueOf(san.get(1));
        if (type == SAN_IP) {
          names.add("IP:" + value);
          if (ip && sameAddress(value, expected)) {
            return null;
          }
        } else if (type == SAN_DNS) {
          names.add("DNS:" + value);
          if (!ip && dnsMatches(value, expected)) {
            return null;
          }
        }
      }
    }
    return "name mismatch: "
        + Certificates.name(leaf)
        + " is not valid for "
        + (ip ? "IP:" : "DNS:")
        + expected
        + (names.isEmpty()
            ? " (it has no DNS or IP subjectAltName)"
            : " (it is valid for " + String.join(", ", names) + ")");
  }

  static boolean dnsMatches(String pattern, String host) {
    String p = stripDot(pattern.toLowerCase(Locale.ROOT));
    String h = stripDot(host.toLowerCase(Locale.ROOT));
    if (p.startsWith("*.")) {
      int dot = h.indexOf('.');
      return dot > 0 && h.substring(dot).equals(p.substring(1)) && p.indexOf('.', 2) > 0;
    }
    return !p.contains("*") && p.equals(h);
  }

  private static String stripDot(String name) {
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }

  private static boolean sameAddress(String a, String b) {
    try {
      // Both are literals here: InetAddress parses them without any DNS lookup.
      return InetAddress.getByName(strip(a)).equals(InetAddress.getByName(strip(b)));
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static String strip(String ip) {
    return ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip;
  }
}
