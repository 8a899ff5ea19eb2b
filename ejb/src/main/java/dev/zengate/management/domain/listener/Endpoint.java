package dev.zengate.management.domain.listener;

import dev.zengate.management.domain.shared.InvalidInputException;
import java.util.regex.Pattern;

/** Checks of the addresses and ports listeners bind to and connect to. */
final class Endpoint {

  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");
  private static final Pattern HOST =
      Pattern.compile(
          "([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)*[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

  private Endpoint() {}

  static String ipAddress(String what, String value) {
    if (value == null || !(IPV4.matcher(value).matches() || IPV6.matcher(value).matches())) {
      throw new InvalidInputException(what + " '" + value + "' is not an IP address");
    }
    return value;
  }

  static String hostOrIp(String what, String value) {
    if (value == null
        || value.length() > 255
        || !(IPV4.matcher(value).matches()
            || IPV6.matcher(value).matches()
            || HOST.matcher(value).matches())) {
      throw new InvalidInputException(what + " '" + value + "' is not a host name or IP address");
    }
    return value;
  }

  static int port(String what, Integer value) {
    if (value == null || value < 1 || value > 65535) {
      throw new InvalidInputException(what + " " + value + " is out of range 1-65535");
    }
    return value;
  }
}
