package dev.zengate.management.infrastructure.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLParameters;

/**
 * POSTs one signed JSON document to a webhook. HTTPS verifies the server's certificate and name
 * (the JDK client does both); any answer but 2xx is a failure the caller retries. {@code
 * X-Zengate-Delivery} names the delivery, so a receiver can drop a request it got twice.
 */
public final class WebhookPoster {

  public static final String DELIVERY_HEADER = "X-Zengate-Delivery";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private WebhookPoster() {}

  public static void post(
      String url, String caPem, byte[] secret, String deliveryId, byte[] json, Instant now)
      throws IOException {
    SSLParameters tls = new SSLParameters();
    tls.setProtocols(TrustedTls.PROTOCOLS);
    HttpClient client =
        HttpClient.newBuilder()
            .sslContext(TrustedTls.context(caPem))
            .sslParameters(tls)
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    long timestamp = now.getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json; charset=utf-8")
            .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
            .header(
                WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, json))
            .header(DELIVERY_HEADER, deliveryId)
            .POST(HttpRequest.BodyPublishers.ofByteArray(json))
            .build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while posting the webhook", e);
    }
    if (response.statusCode() / 100 != 2) {
      String body = response.body() == null ? "" : response.body();
      throw new IOException(
          "the webhook answered HTTP "
              + response.statusCode()
              + (body.isBlank() ? "" : ": " + body.substring(0, Math.min(200, body.length()))));
    }
  }
}
