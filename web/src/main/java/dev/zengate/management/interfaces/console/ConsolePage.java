package dev.zengate.management.interfaces.console;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The console's one HTML page, with its {@code <base href>} set to where the application is
 * deployed ({@code /} under {@code ./zengate start}, another path under a test server), so the
 * page's files and API calls resolve from any deep link.
 */
final class ConsolePage {

  static final String MISSING =
      "<!doctype html><html lang=\"en\"><head><base href=\"/\"><title>Zengate</title></head><body>"
          + "<p>The web console was not built into this server (-Dskip.console). The REST API is"
          + " at <a href=\"api/health\">api/</a>.</p></body></html>";

  private final String html;

  ConsolePage(String html) {
    this.html = html;
  }

  void write(String contextPath, HttpServletResponse response) throws IOException {
    String base = contextPath.isEmpty() ? "/" : contextPath + "/";
    byte[] body =
        html.replace("<base href=\"/\"", "<base href=\"" + base + "\"")
            .getBytes(StandardCharsets.UTF_8);
    response.setContentType("text/html;charset=UTF-8");
    // The page names the current files of the console: always ask again after a new version.
    response.setHeader("Cache-Control", "no-cache");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
