package dev.zengate.management.domain.listener;

import dev.zengate.management.domain.shared.InvalidInputException;
import dev.zengate.management.domain.shared.Message;
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

  /**
   * Whether {@code value} is written as an IP address: checked by its form, because {@code
   * InetAddress.getByName} would look up anything else (such as 203.0.113.300) in the DNS.
   */
  static boolean isIpLiteral(String value) {
    return IPV4.matcher(value).matches() || IPV6.matcher(value).matches();
  }

  // Each check takes the request's field (its JSON property); its label names it in the message.

  static String ipAddress(String field, String value) {
    if (value == null || !isIpLiteral(value)) {
      throw InvalidInputException.at(field, "address.notIp", Message.label(field), value);
    }
    return value;
  }

  static String hostOrIp(String field, String value) {
    if (value == null
        || value.length() > 255
        || !(IPV4.matcher(value).matches()
            || IPV6.matcher(value).matches()
            || HOST.matcher(value).matches())) {
      throw InvalidInputException.at(field, "address.notHost", Message.label(field), value);
    }
    return value;
  }

  static int port(String field, Integer value) {
    if (value == null || value < 1 || value > 65535) {
      throw InvalidInputException.at(
          field, "port.outOfRange", Message.label(field), String.valueOf(value));
    }
    return value;
  }
}
