package dev.zengate.management.interfaces.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Serves the web console: its security headers on every answer, and its page for every console
 * address (e.g. {@code /pairs/12}), so each object has a URL of its own that can be bookmarked,
 * shared and reloaded. API calls and the console's files pass through untouched.
 */
@WebFilter(urlPatterns = "/*")
public class ConsoleFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /**
   * No inline script or style at all, so an injected {@code <script>} does not run; the console is
   * never framed (clickjacking).
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
          + "form-action 'self'; frame-ancestors 'none'";

  private static final Set<String> NOT_CONSOLE = Set.of("api", "openapi", "health", "metrics");

  private volatile ConsolePage page;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (isConsoleAddress(request.getMethod(), path)) {
      page().write(request.getContextPath(), response);
      return;
    }
    if (path.startsWith("/assets/")) {
      // File names carry a hash of their content: they never change.
      response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    }
    chain.doFilter(request, response);
  }

  /** A page address of the console, not the API nor one of its files (which have an extension). */
  static boolean isConsoleAddress(String method, String path) {
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      return false;
    }
    String first = path.replaceFirst("^/", "").split("/", 2)[0];
    if (NOT_CONSOLE.contains(first)) {
      return false;
    }
    String last = path.substring(path.lastIndexOf('/') + 1);
    return !last.contains(".") || last.equals("index.html");
  }

  private ConsolePage page() throws IOException {
    ConsolePage loaded = page;
    if (loaded == null) {
      try (InputStream in = getServletContext().getResourceAsStream("/index.html")) {
        loaded =
            new ConsolePage(
                in == null
                    ? ConsolePage.MISSING
                    : new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      page = loaded;
    }
    return loaded;
  }
}
