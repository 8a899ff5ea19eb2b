package dev.zengate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.zengate.bundle.BundleJson;
import dev.zengate.bundle.Enrollment;
import dev.zengate.bundle.EnrollmentToken;
import dev.zengate.bundle.PublicKeys;
import dev.zengate.gateway.testsupport.TestPki;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code enroll} against a loopback stand-in for the management server's enrollment endpoint. */
class EnrollCommandTest {

  @TempDir Path dir;

  private final KeyPair management = generate();
  private final KeyPair impostor = generate();
  private final AtomicReference<String> requestBody = new AtomicReference<>();
  private volatile int status = 200;
  private volatile String answer;

  /** When set, the answer made from the request (the real server issues a certificate). */
  private volatile KeyPair answering;

  @TempDir static Path pkiDir;
  private static TestPki pki;
  private static TestPki.Issued channelCa;

  @BeforeAll
  static void channelCa() throws Exception {
    pki = new TestPki(pkiDir);
    channelCa = pki.rootCa("channel-ca");
  }

  private HttpServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
    server.createContext(
        "/api/enrollment",
        exchange -> {
          try (exchange) {
            requestBody.set(
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body =
                (answering == null ? answer : enrollmentFor(answering, requestBody.get()))
                    .getBytes(StandardCharsets.UTF_8);
            exchange
                .getResponseHeaders()
                .set(
                    "Content-Type",
                    status == 200 ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
          }
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void pinsTheSigningKeyTheTokenNamesAndKeepsThePrivateKeyLocal() throws Exception {
    answering = management;
    Path state = dir.resolve("state");

    Result result = enroll(token(management), state);

    assertEquals(0, result.exit, result.err);
    assertTrue(result.out.contains("enrolled node 7"), result.out);
    assertFalse(result.err.contains("warning"), result.err);
    JsonNode sent = new ObjectMapper().readTree(requestBody.get());
    assertEquals(token(management), sent.get("token").asText());
    assertNotNull(PublicKeys.decode(PublicKeys.SEALING_ALGORITHM, sent.get("publicKey").asText()));
    assertEquals(
        sent.get("publicKey").asText(),
        Files.readString(state.resolve("node.pub")).strip(),
        "the stored key pair is the one whose public half was sent");
    assertFalse(requestBody.get().contains("PRIVATE"), "no private key on the wire");
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state)));
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("node.key"))));
    Enrollment stored =
        BundleJson.read(Files.readString(state.resolve("enrollment.json")), Enrollment.class);
    assertEquals(7, stored.nodeId());
    assertEquals(PublicKeys.encode(management.getPublic()), stored.signingKey());
    assertEquals(List.of("127.0.0.1:7443"), stored.channelEndpoints());
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("channel.key"))));

    Result again = enroll(token(management), state);
    assertEquals(2, again.exit, "an enrolled state directory is not overwritten without --force");
  }

  @Test
  void anUnreadableServerCaFileIsNamedAndNothingIsGenerated() throws Exception {
    answering = management;
    Path state = dir.resolve("state");

    Result result =
        enroll(token(management), state, "--server-ca", dir.resolve("missing-ca.crt").toString());

    assertEquals(2, result.exit, result.err);
    assertTrue(
        result.err.contains("--server-ca") && result.err.contains("missing-ca.crt"), result.err);
    assertFalse(Files.exists(state.resolve("node.key")));
  }

  @Test
  void refusesAServerWhoseSigningKeyIsNotTheTokens() throws Exception {
    answering = impostor;
    Path state = dir.resolve("state");

    Result result = enroll(token(management), state);

    assertEquals(1, result.exit, result.err);
    assertTrue(result.err.contains("not the management server that issued the token"), result.err);
    assertFalse(Files.exists(state.resolve("enrollment.json")));
    assertFalse(Files.exists(state.resolve("node.key")));
  }

  @Test
  void refusesAChannelCaNotSignedByThePinnedKey() throws Exception {
    answering = management;
    signChannelWith = impostor; // e.g. a man in the middle of plain http swapping the CA
    Path state = dir.resolve("state");

    Result result = enroll(token(management), state);

    assertEquals(1, result.exit, result.err);
    assertTrue(result.err.contains("not signed by the pinned signing key"), result.err);
    assertFalse(Files.exists(state.resolve("enrollment.json")));
  }

  @Test
  void printsTheProblemDetailOfARefusal() throws Exception {
    status = 403;
    answer =
        "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
            + "\"detail\":\"enrollment token 12 has expired\"}";

    Result result = enroll(token(management), dir.resolve("state"));

    assertEquals(1, result.exit);
    assertTrue(result.err.contains("HTTP 403: enrollment token 12 has expired"), result.err);
  }

  @Test
  void unusableInputIsExitTwo() throws Exception {
    answer = "{}";
    Result badToken = enroll("zge1.not-a-token", dir.resolve("a"));
    assertEquals(2, badToken.exit);
    assertTrue(badToken.err.contains("not a Zengate enrollment token"), badToken.err);

    Result badUrl =
        run("enroll", "--server", "ftp://x", "--token", token(management), "--state-dir", "s");
    assertEquals(2, badUrl.exit, badUrl.err);
  }

  @Test
  void warnsAboutPlainHttpOverTheNetwork() throws Exception {
    // Nothing listens there: the warning comes before the attempt, which then fails (exit 1).
    Result result =
        run(
            "enroll",
            "--server",
            "http://192.0.2.1:9",
            "--timeout",
            "1s",
            "--token",
            token(management),
            "--state-dir",
            dir.resolve("s").toString());
    assertTrue(result.err.contains("warning: http://192.0.2.1:9/api/enrollment is plain http"));
    assertEquals(1, result.exit, result.err);
  }

  private record Result(int exit, String out, String err) {}

  private Result enroll(String token, Path state, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "enroll",
                "--server",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/",
                "--token",
                token,
                "--state-dir",
                state.toString()));
    args.addAll(List.of(options));
    return run(args.toArray(String[]::new));
  }

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = GatewayCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(exit, out.toString(), err.toString());
  }

  private static String token(KeyPair signing) {
    return new EnrollmentToken(12, "s".repeat(43), PublicKeys.fingerprint(signing.getPublic()))
        .toString();
  }

  private volatile KeyPair signChannelWith;

  /** What the management server answers: a channel certificate for the key in the request. */
  private String enrollmentFor(KeyPair signing, String request) {
    try {
      JsonNode sent = new ObjectMapper().readTree(request);
      X509Certificate certificate =
          pki.clientFor(
              channelCa,
              "node-7",
              PublicKeys.decode(PublicKeys.CHANNEL_ALGORITHM, sent.get("channelKey").asText()));
      String caPem = TestPki.pem(List.of(channelCa.cert()));
      String certificatePem = TestPki.pem(List.of(certificate));
      List<String> endpoints = List.of("127.0.0.1:7443");
      KeyPair channelSigner = signChannelWith == null ? signing : signChannelWith;
      return BundleJson.canonicalText(
          new Enrollment(
              3,
              "pair-3",
              7,
              "node-7",
              PublicKeys.encode(signing.getPublic()),
              caPem,
              certificatePem,
              endpoints,
              Enrollment.signChannel(
                  channelSigner.getPrivate(), 7, caPem, certificatePem, endpoints)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance(PublicKeys.SIGNING_ALGORITHM).generateKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
