package dev.zengate.management.interfaces.rest;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * An HTTP client for the management server under test. Payara Micro advertises the machine's
 * non-loopback address; tests only ever talk to 127.0.0.1.
 */
final class ManagementServer {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI server;
  private final URI application;

  ManagementServer(URL deployment) {
    this.server = URI.create("http://127.0.0.1:" + deployment.getPort() + "/");
    this.application = server.resolve(deployment.getPath());
  }

  /** GET a path of the application, e.g. {@code api/health}. */
  Reply get(String path) throws IOException, InterruptedException {
    return send(application.resolve(path));
  }

  /** GET a path of the server itself, e.g. MicroProfile Health's {@code health/ready}. */
  Reply getFromServer(String path) throws IOException, InterruptedException {
    return send(server.resolve(path));
  }

  private Reply send(URI uri) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), response.body());
  }

  record Reply(int status, String body) {
    JsonObject json() {
      return Json.createReader(new StringReader(body)).readObject();
    }
  }
}
