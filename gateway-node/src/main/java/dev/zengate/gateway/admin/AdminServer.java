package dev.zengate.gateway.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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
 * otherwise. Served by the JDK's built-in HTTP server on one thread, away from the proxy loops.
 */
public final class AdminServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor;
  private final GatewayNode node;
  private final GatewayMetrics metrics;

  public AdminServer(HostPort listen, GatewayNode node, GatewayMetrics metrics) throws IOException {
    this.node = node;
    this.metrics = metrics;
    this.server = HttpServer.create(new InetSocketAddress(listen.host(), listen.port()), 16);
    this.executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "admin-http");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/health", exchange -> handle(exchange, "GET", this::health));
    server.createContext("/status", exchange -> handle(exchange, "GET", this::status));
    server.createContext("/metrics", exchange -> handle(exchange, "GET", this::metricsText));
    server.createContext("/reload", exchange -> handle(exchange, "POST", this::reload));
    server.createContext(
        "/",
        exchange -> respond(exchange, 404, "application/json", json(Map.of("error", "not found"))));
  }

  public void start() {
    server.start();
    LOG.info("admin_listening address={}", server.getAddress());
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private interface Handler {
    void handle(HttpExchange exchange) throws IOException;
  }

  private void handle(HttpExchange exchange, String method, Handler handler) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!path.equals(exchange.getHttpContext().getPath())) {
        respond(exchange, 404, "application/json", json(Map.of("error", "not found")));
      } else if (!exchange.getRequestMethod().equals(method)) {
        exchange.getResponseHeaders().set("Allow", method);
        respond(exchange, 405, "application/json", json(Map.of("error", "use " + method)));
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
