package dev.zengate.management.domain.notification;

import dev.zengate.management.domain.shared.InvalidInputException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

/**
 * Where a webhook is POSTed: an {@code https} URL (its certificate verified), or {@code http} to a
 * loopback address only (a local relay): certificate details must not cross a network in clear.
 */
public final class WebhookUrl {

  private WebhookUrl() {}

  /** The URL as stored; {@code field} names it in errors. */
  public static String check(String field, String value) {
    String text = value.trim();
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new InvalidInputException(field + ": '" + value + "' is not a URL: " + e.getReason());
    }
    if (text.length() > 2000 || uri.getHost() == null || uri.getUserInfo() != null) {
      throw new InvalidInputException(
          field + ": '" + value + "' must be https://host[:port]/path (no user in the URL)");
    }
    if ("https".equals(uri.getScheme())) {
      return text;
    }
    if ("http".equals(uri.getScheme()) && loopback(uri.getHost())) {
      return text;
    }
    throw new InvalidInputException(
        field + ": '" + value + "' must use https (http only to a loopback address)");
  }

  private static boolean loopback(String host) {
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (!bare.matches("[0-9.]+|[0-9A-Fa-f:]+")) {
      return false; // a name could resolve elsewhere tomorrow
    }
    try {
      return InetAddress.getByName(bare).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
