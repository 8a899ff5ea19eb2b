package dev.zengate.gateway.config;

import java.util.regex.Pattern;

/** Recognises IP address literals without resolving anything through DNS. */
public final class IpLiteral {

  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+(%[\\w.]+)?");

  private IpLiteral() {}

  public static boolean isIpLiteral(String text) {
    if (text == null) {
      return false;
    }
    return IPV4.matcher(text).matches() || (text.contains(":") && IPV6.matcher(text).matches());
  }
}
