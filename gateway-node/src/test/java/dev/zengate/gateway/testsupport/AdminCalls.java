package dev.zengate.gateway.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Calls to a node's admin endpoint, with the bearer token its token file holds. */
public final class AdminCalls {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private AdminCalls() {}

  /** {@code METHOD path} with the token read from {@code tokenFile}. */
  public static HttpResponse<String> call(int port, String method, String path, Path tokenFile)
      throws Exception {
    String token = Files.readString(tokenFile).trim();
    return HTTP.send(
        request(port, method, path).header("Authorization", "Bearer " + token).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** {@code METHOD path} without credentials. */
  public static HttpResponse<String> anonymous(int port, String method, String path)
      throws Exception {
    return HTTP.send(request(port, method, path).build(), HttpResponse.BodyHandlers.ofString());
  }

  public static HttpRequest.Builder request(int port, String method, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10))
        .method(method, HttpRequest.BodyPublishers.noBody());
  }
}
