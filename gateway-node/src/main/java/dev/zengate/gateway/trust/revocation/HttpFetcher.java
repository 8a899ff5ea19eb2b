package dev.zengate.gateway.trust.revocation;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

/**
 * HTTP for revocation data: OCSP POSTs and CRL GETs, through the configured proxy, bounded in time
 * and size. Runs on its own executor (the HttpClient's), never on a TLS event loop.
 */
public final class HttpFetcher {

  /** Larger than any real CRL we expect (100k entries ≈ 3 MB) with room to spare. */
  static final int MAX_BODY = 64 * 1024 * 1024;

  private final HttpClient client;
  private final Duration timeout;

  public HttpFetcher(URI proxy, Duration timeout, ExecutorService executor) {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .executor(executor);
    if (proxy != null) {
      builder.proxy(ProxySelector.of(new InetSocketAddress(proxy.getHost(), proxy.getPort())));
    } else {
      builder.proxy(HttpClient.Builder.NO_PROXY);
    }
    this.client = builder.build();
    this.timeout = timeout;
  }

  /** GETs a CRL. */
  public CompletableFuture<byte[]> get(URI url) {
    IOException unsupported = unsupported(url);
    if (unsupported != null) {
      return CompletableFuture.failedFuture(unsupported);
    }
    return send(HttpRequest.newBuilder(url).timeout(timeout).GET().build());
  }

  /** POSTs an OCSP request. */
  public CompletableFuture<byte[]> postOcsp(URI url, byte[] request) {
    IOException unsupported = unsupported(url);
    if (unsupported != null) {
      return CompletableFuture.failedFuture(unsupported);
    }
    return send(
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", "application/ocsp-request")
            .header("Accept", "application/ocsp-response")
            .POST(HttpRequest.BodyPublishers.ofByteArray(request))
            .build());
  }

  /** Null for an http(s) URL with a host, else why it cannot be fetched. */
  private static IOException unsupported(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase();
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return new IOException(
          "unsupported URL scheme " + url.getScheme() + " (only http and https)");
    }
    if (url.getHost() == null) {
      return new IOException("URL without a host: " + url);
    }
    return null;
  }

  private CompletableFuture<byte[]> send(HttpRequest request) {
    return client
        .sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
        .thenApply(
            response -> {
              if (response.statusCode() != 200) {
                throw new CompletionException(
                    new IOException("HTTP status " + response.statusCode()));
              }
              if (response.body().length > MAX_BODY) {
                throw new CompletionException(new IOException("response larger than " + MAX_BODY));
              }
              return response.body();
            });
  }

  /** One line describing why a fetch failed. */
  static String describe(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException
            || cause instanceof java.util.concurrent.ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof HttpTimeoutException
        || cause instanceof java.util.concurrent.TimeoutException) {
      return "timed out";
    }
    if (cause instanceof java.net.ConnectException) {
      return "connection refused or unreachable";
    }
    String message = cause.getMessage();
    return message == null || message.isBlank()
        ? cause.getClass().getSimpleName()
        : message.lines().findFirst().orElse(message);
  }
}
