import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Sets up the demo through the management API, as central IT would: the pair "demo" with nodes
 * gateway-a (127.0.0.1) and gateway-b (127.0.0.2), the demo certificate, and the virtual server
 * "zengin-demo" (0.0.0.0:55020, i.e. each node's own address, to the echo server on 5020). Then it
 * issues an enrollment token for every node named on the command line and prints "NAME TOKEN"
 * lines. Run by ./zengate start; changes nothing that already exists.
 *
 * <p>ZENGATE_ADMIN_PASSWORD=… [ZENGATE_TLS_CA=var/tls/ca.crt] java Provision.java BASE_URL PKI_DIR [NODE...]
 *
 * <p>The password comes from the environment: a command line is readable by every local user.
 * Exits 3 when the admin password is refused (the database's admin has another one).
 */
public class Provision {

  static HttpClient http;
  static String base;
  static String auth;

  public static void main(String[] args) throws Exception {
    base = args[0].endsWith("/") ? args[0] : args[0] + "/";
    http = client(System.getenv("ZENGATE_TLS_CA"));
    String password = System.getenv("ZENGATE_ADMIN_PASSWORD");
    if (password == null || password.isEmpty()) {
      System.err.println("Provision: set ZENGATE_ADMIN_PASSWORD");
      System.exit(2);
    }
    auth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
    Path pki = Path.of(args[1]);
    String pairs = call("GET", "api/pairs?q=demo", null, 200);
    long pair;
    if (pairs.contains("\"name\":\"demo\"")) {
      pair = idOfNamed(pairs, "demo");
    } else {
      pair = id(call("POST", "api/pairs", "{\"name\":\"demo\",\"site\":\"this machine\"}", 201));
      call("POST", "api/pairs/" + pair + "/nodes", "{\"name\":\"gateway-a\",\"host\":\"127.0.0.1\",\"priority\":200}", 201);
      call("POST", "api/pairs/" + pair + "/nodes", "{\"name\":\"gateway-b\",\"host\":\"127.0.0.2\",\"priority\":100}", 201);
      String imported =
          call("POST", "api/certificates",
              "{\"certificates\":" + quote(Files.readString(pki.resolve("server.crt")))
                  + ",\"privateKey\":" + quote(Files.readString(pki.resolve("server.key"))) + "}",
              201);
      long certificate = id(imported.substring(imported.indexOf("\"certificate\"")));
      call("POST", "api/virtual-servers",
          "{\"pairId\":" + pair + ",\"name\":\"zengin-demo\",\"bindAddress\":\"0.0.0.0\",\"bindPort\":55020,"
              + "\"targetAddress\":\"127.0.0.1\",\"targetPort\":5020,\"certificateId\":" + certificate + "}",
          201);
    }
    System.out.println("pair " + pair);
    for (int i = 2; i < args.length; i++) {
      // The node's state directory is gone (it is not enrolled here): its enrollment on the
      // server is reset first (audited), as an admin would, so it can enroll again.
      call("DELETE", "api/pairs/" + pair + "/nodes/" + args[i] + "/enrollment", null, 204);
      String issued = call("POST", "api/pairs/" + pair + "/nodes/" + args[i] + "/enrollment", "{}", 201);
      Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(issued);
      if (!token.find()) throw new IllegalStateException("no token in " + issued);
      System.out.println(args[i] + " " + token.group(1));
    }
  }

  static long idOfNamed(String json, String name) {
    Matcher m = Pattern.compile("\\{[^{}]*\"id\":(\\d+)[^{}]*\"name\":\"" + name + "\"").matcher(json);
    if (!m.find()) throw new IllegalStateException("pair " + name + " not found in " + json);
    return Long.parseLong(m.group(1));
  }

  static long id(String json) {
    Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(json);
    if (!m.find()) throw new IllegalStateException("no id in " + json);
    return Long.parseLong(m.group(1));
  }

  static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  static String call(String method, String path, String body, int expected) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth);
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 401) {
      System.err.println("Provision: the admin password was refused");
      System.exit(3);
    }
    if (response.statusCode() != expected) {
      throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  /** An HTTP client trusting the CA in {@code caFile} (PEM) when given, else the JDK's CAs. */
  static HttpClient client(String caFile) throws Exception {
    if (caFile == null || caFile.isEmpty()) {
      return HttpClient.newHttpClient();
    }
    KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
    anchors.load(null, null);
    try (InputStream in = Files.newInputStream(Path.of(caFile))) {
      int i = 0;
      for (Certificate ca : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        anchors.setCertificateEntry("ca-" + i++, ca);
      }
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(anchors);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, trust.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(tls).build();
  }
}
