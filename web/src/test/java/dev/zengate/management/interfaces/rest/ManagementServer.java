package dev.zengate.management.interfaces.rest;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP client for the management server under test, as a script would use it. Payara Micro
 * advertises the machine's non-loopback address; tests only ever talk to 127.0.0.1.
 */
final class ManagementServer {

  static final String ADMIN_PASSWORD = "test-admin-password-1";

  private final HttpClient http;
  private final URI server;
  private final URI application;
  private final String authorization;

  /** An Arquillian deployment, served over plain HTTP on loopback. */
  ManagementServer(URL deployment) {
    this(
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
        URI.create("http://127.0.0.1:" + deployment.getPort() + "/"),
        URI.create("http://127.0.0.1:" + deployment.getPort() + "/").resolve(deployment.getPath()),
        null);
  }

  /** A server at {@code base} reached with {@code http} (e.g. HTTPS trusting its CA). */
  ManagementServer(HttpClient http, URI base) {
    this(http, base, base, null);
  }

  private ManagementServer(HttpClient http, URI server, URI application, String authorization) {
    this.http = http;
    this.server = server;
    this.application = application;
    this.authorization = authorization;
  }

  /** The same server, with HTTP Basic credentials. */
  ManagementServer as(String user, String password) {
    String basic =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new ManagementServer(http, server, application, "Basic " + basic);
  }

  ManagementServer asAdmin() {
    return as("admin", ADMIN_PASSWORD);
  }

  /** The same server, with a bearer API token. */
  ManagementServer withToken(String token) {
    return new ManagementServer(http, server, application, "Bearer " + token);
  }

  /** The application's base address, e.g. for a gateway node's {@code enroll --server}. */
  URI application() {
    return application;
  }

  /** Imports a certificate with its private key (as an admin would) and returns its id. */
  long importWithKey(TestPki.Issued leaf) throws IOException, InterruptedException {
    Reply imported =
        post(
            "api/certificates",
            JsonBody.of(
                Map.of("certificates", leaf.certificatePem(), "privateKey", leaf.keyPem())));
    if (imported.status() != 201) {
      throw new IllegalStateException(
          "import refused: " + imported.status() + " " + imported.body());
    }
    return imported.json().getJsonObject("certificate").getJsonNumber("id").longValue();
  }

  /** GET a path of the application, e.g. {@code api/health}. */
  Reply get(String path) throws IOException, InterruptedException {
    return send("GET", path, null, Map.of());
  }

  /** GET a path of the server itself, e.g. MicroProfile Health's {@code health/ready}. */
  Reply getFromServer(String path) throws IOException, InterruptedException {
    return exchange(HttpRequest.newBuilder(server.resolve(path)).GET());
  }

  Reply post(String path, String json) throws IOException, InterruptedException {
    return send("POST", path, json, Map.of());
  }

  Reply put(String path, String json, String ifMatch) throws IOException, InterruptedException {
    return send("PUT", path, json, ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
  }

  Reply delete(String path, String ifMatch) throws IOException, InterruptedException {
    return send("DELETE", path, null, ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
  }

  Reply send(String method, String path, String json, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(application.resolve(path))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.forEach(request::header);
    return exchange(request);
  }

  private Reply exchange(HttpRequest.Builder request) throws IOException, InterruptedException {
    request.timeout(Duration.ofSeconds(60));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<byte[]> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    return new Reply(
        response.statusCode(),
        response.body(),
        response.headers().firstValue("ETag").orElse(null),
        response.headers().firstValue("Content-Type").orElse(""));
  }

  record Reply(int status, byte[] bytes, String etag, String contentType) {
    String body() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    JsonObject json() {
      return Json.createReader(new StringReader(body())).readObject();
    }

    JsonArray jsonArray() {
      return Json.createReader(new StringReader(body())).readArray();
    }

    /** The problem+json detail, for assertions on what the operator is told. */
    String detail() {
      return json().getString("detail", "");
    }
  }
}
