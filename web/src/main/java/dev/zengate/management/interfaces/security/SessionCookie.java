package dev.zengate.management.interfaces.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The web console's session cookie and the CSRF token that goes with it. The cookie is HttpOnly (no
 * page script reads it), Secure and SameSite=Strict. The CSRF token is derived from the session id,
 * so it needs no storage and only someone who holds the session can compute it; the console reads
 * it from {@code GET /api/session} and sends it in {@link #CSRF_HEADER} with every change.
 */
public final class SessionCookie {

  public static final String NAME = "zengate_session";
  public static final String CSRF_HEADER = "X-CSRF-Token";

  private SessionCookie() {}

  public static Optional<String> value(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    return Arrays.stream(cookies)
        .filter(c -> NAME.equals(c.getName()))
        .map(Cookie::getValue)
        .filter(v -> !v.isBlank())
        .findFirst();
  }

  /** The Set-Cookie header that starts a session in this browser. */
  public static String issue(String sessionId, String contextPath) {
    return NAME
        + "="
        + sessionId
        + "; Path="
        + path(contextPath)
        + "; HttpOnly; Secure; SameSite=Strict";
  }

  /** The Set-Cookie header that makes the browser forget the session. */
  public static String clear(String contextPath) {
    return NAME + "=; Path=" + path(contextPath) + "; Max-Age=0; HttpOnly; Secure; SameSite=Strict";
  }

  public static String csrfToken(String sessionId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(("zengate-csrf:" + sessionId).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Whether the request carries the CSRF token of this session (compared in constant time). */
  static boolean csrfMatches(HttpServletRequest request, String sessionId) {
    String sent = request.getHeader(CSRF_HEADER);
    return sent != null
        && MessageDigest.isEqual(
            sent.getBytes(StandardCharsets.UTF_8),
            csrfToken(sessionId).getBytes(StandardCharsets.UTF_8));
  }

  private static String path(String contextPath) {
    return contextPath == null || contextPath.isEmpty() ? "/" : contextPath + "/";
  }
}
