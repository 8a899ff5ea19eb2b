package dev.zengate.gateway.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.gateway.config.ConfigSource;
import dev.zengate.gateway.node.GatewayNode;
import dev.zengate.gateway.proxy.ConfigCompiler;
import dev.zengate.gateway.testsupport.AdminCalls;
import dev.zengate.gateway.testsupport.NodeFixture;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin endpoint can reload the node and shows its whole status: only a holder of the token may
 * do that, and nothing a web page in a browser on the gateway host sends is served.
 */
class AdminEndpointTest {

  private static final String NO_LISTENERS = "listeners: []\n";

  @TempDir Path dir;

  @Test
  void statusWithoutTheTokenIsRefused() throws Exception {
    try (NodeFixture node = NodeFixture.start(dir, "jdk", NO_LISTENERS)) {
      HttpResponse<String> response = AdminCalls.anonymous(node.adminPort, "GET", "/status");
      assertEquals(401, response.statusCode());
      assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
      assertTrue(response.body().contains("admin token"), response.body());
    }
  }

  @Test
  void statusWithTheTokenIsServed() throws Exception {
    try (NodeFixture node = NodeFixture.start(dir, "jdk", NO_LISTENERS)) {
      HttpResponse<String> response = node.admin("GET", "/status");
      assertEquals(200, response.statusCode());
      assertTrue(response.body().contains("\"node\" : \"test-node\""), response.body());
    }
  }

  @Test
  void reloadWithoutTheTokenReloadsNothing() throws Exception {
    try (NodeFixture node = NodeFixture.start(dir, "jdk", NO_LISTENERS)) {
      var before = node.node.reloader().lastAttempt();
      HttpResponse<String> response = AdminCalls.anonymous(node.adminPort, "POST", "/reload");
      assertEquals(401, response.statusCode());
      assertEquals(before, node.node.reloader().lastAttempt(), "no reload was attempted");
      assertEquals(200, node.admin("POST", "/reload").statusCode());
    }
  }

  @Test
  void wrongTokenIsRefused() throws Exception {
    try (NodeFixture node = NodeFixture.start(dir, "jdk", NO_LISTENERS)) {
      Path other = dir.resolve("other-token");
      Files.writeString(other, "x".repeat(43) + "\n");
      assertEquals(401, AdminCalls.call(node.adminPort, "GET", "/status", other).statusCode());
    }
  }

  @Test
  void healthAndMetricsNeedNoTokenOnLoopback() throws Exception {
    try (NodeFixture node = NodeFixture.start(dir, "jdk", NO_LISTENERS)) {
      assertEquals(200, AdminCalls.anonymous(node.adminPort, "GET", "/health").statusCode());
      assertEquals(200, AdminCalls.anonymous(node.adminPort, "GET", "/metrics").statusCode());
    }
  }

  @Test
  void generatedTokenFileIsReadableByTheOwnerOnly() throws Exception {
    try (NodeFixture node = NodeFixture.start(dir, "jdk", NO_LISTENERS)) {
      Path token = node.adminTokenFile();
      assertEquals(
          "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(token)));
      assertTrue(Files.readString(token).trim().length() >= AdminToken.MIN_LENGTH);
    }
  }

  @Test
  void anExistingTokenFileIsUsedAsItIs() throws Exception {
    String chosen = "operator-chosen-token-of-enough-length";
    Files.writeString(dir.resolve("admin-token"), chosen + "\n");
    try (NodeFixture node = NodeFixture.start(dir, "jdk", NO_LISTENERS)) {
      assertEquals(chosen, Files.readString(node.adminTokenFile()).trim());
      assertEquals(200, node.admin("GET", "/status").statusCode());
    }
  }

  @Test
  void aTooShortConfiguredTokenStopsTheStartNamingTheFile() throws Exception {
    Path file = dir.resolve("admin-token");
    Files.writeString(file, "short\n");
    IOException refused =
        assertThrows(IOException.class, () -> NodeFixture.start(dir, "jdk", NO_LISTENERS));
    assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());
  }

  @Test
  void aRequestForAnotherHostNameIsRefused() throws Exception {
    // DNS rebinding: the attacker's name now points at 127.0.0.1, and the browser sends it.
    try (NodeFixture node = NodeFixture.start(dir, "jdk", NO_LISTENERS)) {
      String token = Files.readString(node.adminTokenFile()).trim();
      String reply =
          rawRequest(
              node.adminPort,
              "GET /health HTTP/1.1\r\nHost: rebind.attacker.example:"
                  + node.adminPort
                  + "\r\nAuthorization: Bearer "
                  + token
                  + "\r\nConnection: close\r\n\r\n");
      assertTrue(reply.startsWith("HTTP/1.1 403"), reply);
      String own =
          rawRequest(
              node.adminPort,
              "GET /health HTTP/1.1\r\nHost: localhost:"
                  + node.adminPort
                  + "\r\nConnection: close\r\n\r\n");
      assertTrue(own.startsWith("HTTP/1.1 200"), own);
    }
  }

  @Test
  void aRequestFromAWebPageIsRefused() throws Exception {
    try (NodeFixture node = NodeFixture.start(dir, "jdk", NO_LISTENERS)) {
      var request =
          AdminCalls.request(node.adminPort, "POST", "/reload")
              .header("Authorization", "Bearer " + Files.readString(node.adminTokenFile()).trim())
              .header("Origin", "http://127.0.0.1:" + node.adminPort)
              .build();
      HttpResponse<String> response =
          java.net.http.HttpClient.newHttpClient()
              .send(request, HttpResponse.BodyHandlers.ofString());
      assertEquals(403, response.statusCode(), response.body());
    }
  }

  @Test
  void aTakenAdminPortIsNamedInTheError() throws Exception {
    try (NodeFixture first = NodeFixture.start(dir, "jdk", NO_LISTENERS)) {
      Path file = dir.resolve("second.yaml");
      Files.writeString(file, NodeFixture.yaml("jdk", first.adminPort, NO_LISTENERS));
      IOException refused =
          assertThrows(
              IOException.class,
              () ->
                  GatewayNode.start(() -> ConfigCompiler.compile(ConfigSource.read(file)), null)
                      .close());
      assertTrue(
          refused.getMessage().contains("127.0.0.1:" + first.adminPort + " (admin endpoint)"),
          refused.getMessage());
    }
  }

  private static String rawRequest(int port, String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }
}
