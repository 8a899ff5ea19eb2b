package dev.zengate.management.infrastructure.https;

import dev.zengate.management.domain.shared.InvalidInputException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the management server listens, from its environment: HTTPS on {@code
 * ZENGATE_HTTPS_ADDRESS}:{@code ZENGATE_HTTPS_PORT} (default 127.0.0.1:8443); plain HTTP only when
 * {@code ZENGATE_HTTP_PORT} is set, and then only on loopback (for a reverse proxy or tests on the
 * same host). {@code ZENGATE_TLS_NAMES} adds DNS names or addresses to a generated certificate.
 */
public record HttpsSettings(
    String httpsAddress, int httpsPort, Integer httpPort, List<String> certificateNames) {

  public static HttpsSettings fromEnvironment(Map<String, String> env) {
    String address = env.getOrDefault("ZENGATE_HTTPS_ADDRESS", "127.0.0.1").strip();
    int httpsPort = port(env, "ZENGATE_HTTPS_PORT", "8443");
    Integer httpPort = null;
    if (!env.getOrDefault("ZENGATE_HTTP_PORT", "").isBlank()) {
      httpPort = port(env, "ZENGATE_HTTP_PORT", null);
      String httpAddress = env.getOrDefault("ZENGATE_HTTP_ADDRESS", "127.0.0.1").strip();
      if (!isLoopback(httpAddress)) {
        throw new InvalidInputException(
            "ZENGATE_HTTP_ADDRESS="
                + httpAddress
                + ": plain HTTP is served on loopback only (passwords and tokens would cross the"
                + " network in clear); serve HTTPS on that address with ZENGATE_HTTPS_ADDRESS");
      }
    }
    Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
    if (!isLoopback(address) && !address.equals("0.0.0.0") && !address.equals("::")) {
      names.add(address);
    }
    for (String name : env.getOrDefault("ZENGATE_TLS_NAMES", "").split(",")) {
      if (!name.isBlank()) {
        names.add(name.strip());
      }
    }
    return new HttpsSettings(address, httpsPort, httpPort, new ArrayList<>(names));
  }

  private static int port(Map<String, String> env, String name, String fallback) {
    String text = env.getOrDefault(name, fallback);
    try {
      int port = Integer.parseInt(text.strip());
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidInputException(name + "=" + text + " is not a port number (1–65535)");
  }

  private static boolean isLoopback(String address) {
    if (address.equals("localhost")) {
      return true;
    }
    try {
      return address.matches("[0-9.]+|.*:.*") && InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
