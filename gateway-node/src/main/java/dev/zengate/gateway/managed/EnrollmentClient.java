package dev.zengate.gateway.managed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zengate.bundle.BundleJson;
import dev.zengate.bundle.BundleRejectedException;
import dev.zengate.bundle.Enrollment;
import dev.zengate.bundle.EnrollmentRequest;
import dev.zengate.bundle.EnrollmentToken;
import dev.zengate.bundle.PublicKeys;
import dev.zengate.gateway.managed.channel.ChannelTls;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Enrolls a node: sends the token and the node's public key to {@code SERVER/api/enrollment} and
 * accepts the answer only when the signing key it carries is the one the token names, so the node
 * pins the real management server's key and not whatever answered first.
 */
public final class EnrollmentClient {

  /** The server refused, or answered something that must not be trusted. */
  public static final class EnrollmentRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    public EnrollmentRefusedException(String message) {
      super(message);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI endpoint;
  private final HttpClient http;
  private final Duration timeout;

  /**
   * @throws IllegalArgumentException when {@code server} is not an absolute http(s) URL
   */
  public EnrollmentClient(String server, Duration timeout) {
    this(server, timeout, null);
  }

  /**
   * Trusts only the CAs in {@code serverCa} (PEM) for the server's HTTPS certificate, when given
   * (the management server's generated CA, {@code var/tls/ca.crt}); else the JDK's CAs.
   *
   * @throws IllegalArgumentException when the URL or the CA file is unusable
   */
  public EnrollmentClient(String server, Duration timeout, List<X509Certificate> serverCa) {
    this.endpoint = endpoint(server);
    this.timeout = timeout;
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout);
    if (serverCa != null) {
      builder.sslContext(trusting(serverCa));
    }
    this.http = builder.build();
  }

  private static SSLContext trusting(List<X509Certificate> anchors) {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      for (int i = 0; i < anchors.size(); i++) {
        store.setCertificateEntry("ca-" + i, anchors.get(i));
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("cannot trust the server CA: " + e.getMessage(), e);
    }
  }

  public URI endpoint() {
    return endpoint;
  }

  /** Whether the token and keys would cross a network in clear text. */
  public boolean plainTextOverNetwork() {
    return "http".equals(endpoint.getScheme()) && !isLoopback(endpoint.getHost());
  }

  /** Enrolls; returns the server's answer after checking its signing key against the token. */
  public Enrollment enroll(EnrollmentToken token, NodeKeys keys, ChannelKey channelKey)
      throws EnrollmentRefusedException, IOException, InterruptedException {
    String body =
        BundleJson.canonicalText(
            new EnrollmentRequest(
                token.toString(), keys.publicKeyText(), channelKey.publicKeyText()));
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, application/problem+json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    int status = response.statusCode();
    if (status != 200) {
      throw new EnrollmentRefusedException(
          "enrollment refused by " + endpoint + ": HTTP " + status + problem(response.body()));
    }
    Enrollment enrollment;
    try {
      enrollment = BundleJson.read(response.body(), Enrollment.class);
    } catch (BundleRejectedException e) {
      throw new EnrollmentRefusedException(
          "the server's answer is not an enrollment: " + e.getMessage());
    }
    requirePinnedKey(token, enrollment);
    requireSignedChannel(enrollment, channelKey);
    return enrollment;
  }

  /** The signing key in the answer must have the fingerprint the token was issued with. */
  static void requirePinnedKey(EnrollmentToken token, Enrollment enrollment)
      throws EnrollmentRefusedException {
    String fingerprint;
    try {
      fingerprint =
          PublicKeys.fingerprint(
              PublicKeys.decode(PublicKeys.SIGNING_ALGORITHM, enrollment.signingKey()));
    } catch (IllegalArgumentException e) {
      throw new EnrollmentRefusedException(
          "the server's signing key is not an Ed25519 public key; nothing was stored");
    }
    if (!fingerprint.equals(token.signingKeyFingerprint())) {
      throw new EnrollmentRefusedException(
          "the server's signing key "
              + fingerprint
              + " is not the key "
              + token.signingKeyFingerprint()
              + " the token was issued for: this is not the management server that issued the"
              + " token; nothing was stored");
    }
  }

  /**
   * The channel CA, the node's certificate and the endpoints must be signed by the pinned key (the
   * answer itself may have crossed plain HTTP), and the certificate must be for our channel key.
   */
  static void requireSignedChannel(Enrollment enrollment, ChannelKey channelKey)
      throws EnrollmentRefusedException {
    PublicKey signingKey = PublicKeys.decode(PublicKeys.SIGNING_ALGORITHM, enrollment.signingKey());
    if (!enrollment.channelSignedBy(signingKey)) {
      throw new EnrollmentRefusedException(
          "the server's node-channel CA and certificate are not signed by the pinned signing key;"
              + " nothing was stored");
    }
    try {
      X509Certificate certificate =
          ChannelTls.certificate(enrollment.channelCertificate(), "channelCertificate");
      if (!certificate.getPublicKey().equals(channelKey.publicKey())) {
        throw new EnrollmentRefusedException(
            "the server's channel certificate is not for this node's channel key; nothing was"
                + " stored");
      }
      certificate.verify(
          ChannelTls.certificate(enrollment.channelCa(), "channelCa").getPublicKey());
    } catch (IllegalArgumentException | java.security.GeneralSecurityException e) {
      throw new EnrollmentRefusedException(
          "the server's channel certificate is unusable: " + e.getMessage());
    }
  }

  /** The RFC 7807 detail (or title) of an error answer, else the start of the body. */
  private static String problem(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    try {
      JsonNode problem = JSON.readTree(body);
      for (String field : new String[] {"detail", "title"}) {
        JsonNode value = problem.get(field);
        if (value != null && value.isTextual() && !value.asText().isBlank()) {
          return ": " + value.asText();
        }
      }
    } catch (IOException | RuntimeException notJson) {
      // fall through
    }
    String text = body.strip();
    return ": " + (text.length() > 200 ? text.substring(0, 200) + "…" : text);
  }

  private static URI endpoint(String server) {
    URI uri;
    try {
      uri = URI.create(server.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + server + "' is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "'" + server + "' is not an http:// or https:// URL of the management server");
    }
    String base = uri.toString().replaceAll("/+$", "");
    return URI.create(base + "/api/enrollment");
  }

  private static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (!literal.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false;
    }
    try {
      return InetAddress.getByName(literal).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
