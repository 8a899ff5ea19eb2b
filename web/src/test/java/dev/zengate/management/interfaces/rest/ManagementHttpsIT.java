package dev.zengate.management.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The management server as {@code ./zengate start} runs it: HTTPS only, with the certificate it
 * generated under its own CA, TLS 1.2+ with the gateways' suites, HSTS, and no plain HTTP listener.
 * Checked from outside, with {@code openssl s_client} and the process's own sockets.
 */
class ManagementHttpsIT {

  @TempDir static Path dir;
  private static PayaraMicroProcess server;

  @BeforeAll
  static void start() throws Exception {
    String database = System.getenv("ZENGATE_DB_URL").replaceFirst(".*/", "");
    server = PayaraMicroProcess.start(dir, database, Map.of());
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theApiAnswersOverHttpsWithTheGeneratedCertificateAndHsts() throws Exception {
    HttpResponse<String> health =
        server
            .client()
            .send(
                HttpRequest.newBuilder(server.base().resolve("api/health")).build(),
                HttpResponse.BodyHandlers.ofString());

    assertEquals(200, health.statusCode(), health.body());
    String hsts = health.headers().firstValue("strict-transport-security").orElse("");
    Matcher maxAge = Pattern.compile("max-age=(\\d+)").matcher(hsts);
    assertTrue(maxAge.find() && Long.parseLong(maxAge.group(1)) >= 31_536_000, "HSTS: " + hsts);
    Certificate presented = health.sslSession().orElseThrow().getPeerCertificates()[0];
    assertEquals(fingerprint(generated("server.crt")), fingerprint(presented));
  }

  @Test
  void tls12WithAnAeadSuiteAndTls13AreServed() throws Exception {
    assertTrue(
        sClient("-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-GCM-SHA256")
            .contains("Cipher is ECDHE-ECDSA-AES128-GCM-SHA256"));
    assertTrue(sClient("-tls1_3").contains("New, TLSv1.3"));
  }

  @Test
  void tls11AndCbcSuitesAreRefusedAsOnTheGateways() throws Exception {
    // SECLEVEL=0 so that openssl itself offers TLS 1.1: the refusal must be the server's.
    String tls11 = sClient("-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0");
    String cbc = sClient("-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-SHA:ECDHE-ECDSA-AES256-SHA");

    assertTrue(tls11.contains("Cipher is (NONE)"), tls11);
    assertFalse(tls11.contains("no protocols available"), "the client refused itself: " + tls11);
    assertTrue(cbc.contains("Cipher is (NONE)"), cbc);
  }

  @Test
  void noPlainHttpListensAndEverySocketIsOnLoopback() throws Exception {
    List<InetSocketAddress> listening = listeningSockets(server.pid());

    assertTrue(
        listening.stream().anyMatch(s -> s.getPort() == server.base().getPort()), "" + listening);
    for (InetSocketAddress socket : listening) {
      assertTrue(socket.getAddress().isLoopbackAddress(), "listens beyond loopback: " + socket);
      assertFalse(answersPlainHttp(socket), "plain HTTP answered on " + socket);
    }
  }

  @Test
  void aNodeEnrollsOverHttpsOnlyWhenItTrustsTheServersCa() throws Exception {
    ManagementServer admin = server.admin();
    long pair =
        admin
            .post("api/pairs", JsonBody.of(Map.of("name", "https-pair-" + System.nanoTime())))
            .json()
            .getInt("id");
    assertEquals(
        201,
        admin
            .post(
                "api/pairs/" + pair + "/nodes",
                JsonBody.of(Map.of("name", "gw-https", "host", "127.0.0.1", "priority", 200)))
            .status());
    String token =
        admin
            .post("api/pairs/" + pair + "/nodes/gw-https/enrollment", "{}")
            .json()
            .getString("token");

    Path untrusting = dir.resolve("enroll-untrusting.log");
    int refused = server.enroll(untrusting, token, dir.resolve("node-untrusting"));
    int enrolled =
        server.enroll(
            dir.resolve("enroll-trusting.log"),
            token,
            dir.resolve("node-trusting"),
            "--server-ca",
            server.caFile().toString());

    assertTrue(refused != 0, "enrolled without trusting the server's CA");
    assertTrue(Files.readString(untrusting).contains("PKIX"), "names the certificate problem");
    assertEquals(0, enrolled, Files.readString(dir.resolve("enroll-trusting.log")));
  }

  private static String sClient(String... options) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "openssl",
                "s_client",
                "-connect",
                "127.0.0.1:" + server.base().getPort(),
                "-servername",
                "localhost",
                "-CAfile",
                dir.resolve("tls/ca.crt").toString(),
                "-verify_return_error"));
    command.addAll(List.of(options));
    Process openssl =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectInput(new File("/dev/null"))
            .start();
    String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    openssl.waitFor(20, TimeUnit.SECONDS);
    return output;
  }

  /** The TCP sockets a process listens on, as {@code ss} lists them. */
  private static List<InetSocketAddress> listeningSockets(int pid) throws Exception {
    Process ss = new ProcessBuilder("ss", "-ltnpH").redirectErrorStream(true).start();
    String table = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    ss.waitFor(10, TimeUnit.SECONDS);
    List<InetSocketAddress> sockets = new ArrayList<>();
    for (String line : table.split("\n")) {
      if (!line.contains("pid=" + pid + ",")) {
        continue;
      }
      String local = line.trim().split("\\s+")[3]; // e.g. [::ffff:127.0.0.1]:8443 or *:6900
      int colon = local.lastIndexOf(':');
      String host = local.substring(0, colon).replace("[::ffff:", "").replace("[", "");
      host = host.replace("]", "");
      sockets.add(
          new InetSocketAddress(
              host.equals("*") ? "0.0.0.0" : host, Integer.parseInt(local.substring(colon + 1))));
    }
    return sockets;
  }

  private static boolean answersPlainHttp(InetSocketAddress address) throws Exception {
    try (Socket socket = new Socket()) {
      socket.connect(address, 2000);
      socket.setSoTimeout(3000);
      OutputStream out = socket.getOutputStream();
      out.write(
          "GET /api/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] start = in.readNBytes(5);
      return new String(start, StandardCharsets.US_ASCII).startsWith("HTTP/");
    } catch (java.io.IOException closedOrSilent) {
      return false;
    }
  }

  private static Certificate generated(String file) throws Exception {
    try (InputStream in = Files.newInputStream(dir.resolve("tls").resolve(file))) {
      return CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  private static String fingerprint(Certificate certificate) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
  }
}
