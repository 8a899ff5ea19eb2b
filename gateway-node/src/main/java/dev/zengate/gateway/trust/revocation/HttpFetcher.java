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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * HTTP for revocation data: OCSP POSTs and CRL GETs, through the configured proxy, bounded in time
 * and size: the whole exchange, body included, must end within the timeout, and a body is abandoned
 * as soon as it passes the size cap (a responder or a man in the middle on plain HTTP must not be
 * able to hold a fetch open or fill the heap). Runs on its own executor (the HttpClient's), never
 * on a TLS event loop.
 */
public final class HttpFetcher {

  /** Larger than any real CRL we expect (100k entries ≈ 3 MB) with room to spare. */
  static final int MAX_BODY = 64 * 1024 * 1024;

  private final HttpClient client;
  private final Duration timeout;
  private final int maxBody;

  public HttpFetcher(URI proxy, Duration timeout, ExecutorService executor) {
    this(proxy, timeout, executor, MAX_BODY);
  }

  HttpFetcher(URI proxy, Duration timeout, ExecutorService executor, int maxBody) {
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
    this.maxBody = maxBody;
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
    AtomicReference<BoundedBody> body = new AtomicReference<>();
    CompletableFuture<HttpResponse<byte[]>> exchange =
        client.sendAsync(
            request,
            info -> {
              BoundedBody subscriber = new BoundedBody(maxBody);
              body.set(subscriber);
              long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
              if (declared > maxBody) {
                subscriber.abort(
                    new IOException(
                        "response of " + declared + " bytes is larger than " + maxBody));
              }
              return subscriber;
            });
    CompletableFuture<byte[]> result =
        exchange
            .thenApply(
                response -> {
                  if (response.statusCode() != 200) {
                    throw new CompletionException(
                        new IOException("HTTP status " + response.statusCode()));
                  }
                  return response.body();
                })
            .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    result.whenComplete(
        (ignored, error) -> {
          if (error instanceof TimeoutException) {
            // Stop reading what is still arriving: the caller has given up on it.
            BoundedBody subscriber = body.get();
            if (subscriber != null) {
              subscriber.abort(new IOException("timed out"));
            }
            exchange.cancel(true);
          }
        });
    return result;
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
