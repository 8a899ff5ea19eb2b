package dev.zengate.gateway.trust;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP server on 127.0.0.1 for revocation tests: each path answers through a {@link
 * Responder}, and hits are counted per path. {@link #proxy} makes a forward HTTP proxy that only
 * forwards to 127.0.0.1.
 */
final class LoopbackHttp implements AutoCloseable {

  /** Produces a response body for a request body; null means HTTP 503. */
  interface Responder {
    byte[] respond(byte[] request) throws Exception;
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

  LoopbackHttp() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    server.setExecutor(executor);
    server.start();
  }

  /** A forward proxy: requests arrive with absolute URIs and are forwarded to loopback targets. */
  static LoopbackHttp proxy() throws IOException {
    LoopbackHttp proxy = new LoopbackHttp();
    HttpClient client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
    proxy.server.createContext(
        "/",
        exchange -> {
          proxy.hits.computeIfAbsent("proxied", k -> new AtomicInteger()).incrementAndGet();
          URI target = exchange.getRequestURI();
          if (!"127.0.0.1".equals(target.getHost())) {
            reply(exchange, 403, new byte[0]);
            return;
          }
          try (InputStream in = exchange.getRequestBody()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(target);
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type != null) {
              request.header("Content-Type", type);
            }
            request.method(
                exchange.getRequestMethod(),
                HttpRequest.BodyPublishers.ofByteArray(in.readAllBytes()));
            HttpResponse<byte[]> response =
                client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            reply(exchange, response.statusCode(), response.body());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply(exchange, 502, new byte[0]);
          }
        });
    return proxy;
  }

  void serve(String path, Responder responder) {
    server.createContext(
        path,
        exchange -> {
          hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
          byte[] body;
          try (InputStream in = exchange.getRequestBody()) {
            body = responder.respond(in.readAllBytes());
          } catch (Exception e) {
            System.err.println("test HTTP server " + path + ": " + e);
            body = null;
          }
          reply(exchange, body == null ? 503 : 200, body == null ? new byte[0] : body);
        });
  }

  int hits(String path) {
    AtomicInteger count = hits.get(path);
    return count == null ? 0 : count.get();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** A loopback URL on which nothing listens: connections are refused. */
  static String deadUrl(String path) throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + socket.getLocalPort() + path;
    }
  }

  private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
