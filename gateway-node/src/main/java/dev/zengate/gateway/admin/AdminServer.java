package dev.zengate.gateway.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.zengate.gateway.config.AdminConfig;
import dev.zengate.gateway.config.HostPort;
import dev.zengate.gateway.metrics.GatewayMetrics;
import dev.zengate.gateway.node.GatewayNode;
import dev.zengate.gateway.reload.ReloadOutcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's local HTTP endpoint: {@code GET /health}, {@code GET /status}, {@code GET /metrics}
 * and {@code POST /reload}. It can reload the node, so it listens on loopback unless configured
 * otherwise, wants the bearer token for {@code /status}, {@code /reload} (and {@code /metrics}
 * beyond loopback), and refuses requests that a web page could make: a {@code Host} naming another
 * host (DNS rebinding) or any {@code Origin}. Served by the JDK's built-in HTTP server on one
 * thread, away from the proxy loops.
 */
public final class AdminServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor;
  private final GatewayNode node;
  private final GatewayMetrics metrics;
  private final AdminToken token;
  private final HostCheck hosts;
  private final boolean metricsNeedToken;

  /**
   * @throws IOException naming the address when it cannot be bound, or the token file when it
   *     cannot be read or written
   */
  public AdminServer(AdminConfig config, GatewayNode node, GatewayMetrics metrics)
      throws IOException {
    this.node = node;
    this.metrics = metrics;
    this.token = AdminToken.loadOrCreate(config.tokenFile());
    HostPort listen = config.listen();
    this.hosts = new HostCheck(listen.host());
    InetSocketAddress address = new InetSocketAddress(listen.host(), listen.port());
    this.metricsNeedToken = !address.isUnresolved() && !address.getAddress().isLoopbackAddress();
    try {
      this.server = HttpServer.create(address, 16);
    } catch (IOException e) {
      throw new IOException(
          "cannot listen on " + listen + " (admin endpoint): " + e.getMessage(), e);
    }
    this.executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "admin-http");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/health", exchange -> handle(exchange, "GET", false, this::health));
    server.createContext("/status", exchange -> handle(exchange, "GET", true, this::status));
    server.createContext(
        "/metrics", exchange -> handle(exchange, "GET", metricsNeedToken, this::metricsText));
    server.createContext("/reload", exchange -> handle(exchange, "POST", true, this::reload));
    server.createContext(
        "/", exchange -> handle(exchange, "GET", false, e -> error(e, 404, "not found")));
  }

  public void start() {
    server.start();
    LOG.info("admin_listening address={} token_file={}", server.getAddress(), token.file());
  }

  /** The port actually bound (the configured one, or the one chosen for port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private interface Handler {
    void handle(HttpExchange exchange) throws IOException;
  }

  private void handle(HttpExchange exchange, String method, boolean needsToken, Handler handler)
      throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      var headers = exchange.getRequestHeaders();
      if (!hosts.allows(headers.getFirst("Host"))) {
        error(exchange, 403, "Host must be this endpoint's address, an IP address or localhost");
      } else if (headers.containsKey("Origin")) {
        error(exchange, 403, "requests from web pages are refused");
      } else if (!path.equals(exchange.getHttpContext().getPath())) {
        error(exchange, 404, "not found");
      } else if (!exchange.getRequestMethod().equals(method)) {
        exchange.getResponseHeaders().set("Allow", method);
        error(exchange, 405, "use " + method);
      } else if (needsToken && !token.authorizes(headers.getFirst("Authorization"))) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"zengate-node\"");
        error(exchange, 401, "send the admin token: Authorization: Bearer <" + token.file() + ">");
      } else {
        handler.handle(exchange);
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("admin request failed: {}", e.toString());
    }
  }

  private void health(HttpExchange exchange) throws IOException {
    boolean up = node.engine().allBound();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", up ? "up" : "down");
    body.put("listeners", node.engine().status().size());
    // A backup is healthy too: it is ready to take over. The role says which one serves.
    node.pairRole().ifPresent(role -> body.put("role", role.label()));
    respond(exchange, up ? 200 : 503, "application/json", json(body));
  }

  private void status(HttpExchange exchange) throws IOException {
    respond(exchange, 200, "application/json", json(node.status()));
  }

  private void metricsText(HttpExchange exchange) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    metrics.writeText(out);
    respond(exchange, 200, metrics.contentType(), out.toByteArray());
  }

  private void reload(HttpExchange exchange) throws IOException {
    ReloadOutcome outcome = node.reloader().reload("admin");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("result", outcome.applied() ? "applied" : "rejected");
    body.put("version", outcome.version());
    if (outcome.error() != null) {
      body.put("error", outcome.error());
    }
    respond(exchange, outcome.applied() ? 200 : 422, "application/json", json(body));
  }

  private static void error(HttpExchange exchange, int status, String message) throws IOException {
    respond(exchange, status, "application/json", json(Map.of("error", message)));
  }

  private static byte[] json(Object body) throws IOException {
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
  }

  private static void respond(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
