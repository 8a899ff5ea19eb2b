package dev.zengate.management.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.bundle.PublicKeys;
import dev.zengate.management.interfaces.rest.ManagementServer.Reply;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may do what: the first admin from the server's configuration, users of each role, API tokens,
 * and each role's denials, as a script sees them over HTTP.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessControlIT {

  @Deployment(testable = false)
  static WebArchive builtWar() {
    return Deployments.builtWar();
  }

  @ArquillianResource private URL deployment;

  private ManagementServer anonymous;
  private ManagementServer admin;

  @BeforeEach
  void users() throws Exception {
    anonymous = new ManagementServer(deployment);
    admin = anonymous.asAdmin();
    for (String role : new String[] {"operator", "auditor"}) {
      Reply created =
          admin.post(
              "api/users",
              JsonBody.of(
                  Map.of(
                      "username", "test-" + role, "password", role + "-password-1", "role", role)));
      assertTrue(created.status() == 201 || created.status() == 409, created.body());
    }
  }

  private ManagementServer as(String role) {
    return anonymous.as("test-" + role, role + "-password-1");
  }

  @Test
  void everyApiCallButHealthNeedsCredentials() throws Exception {
    Reply pairs = anonymous.get("api/pairs");
    assertEquals(401, pairs.status());
    assertTrue(pairs.contentType().startsWith("application/problem+json"), pairs.contentType());
    assertEquals(401, anonymous.get("api/audit").status());
    assertEquals(401, anonymous.post("api/pairs", "{}").status());
    assertEquals(200, anonymous.get("api/health").status());
  }

  @Test
  void aWrongPasswordIsRefusedAndAudited() throws Exception {
    long before =
        Deployments.count(
            "SELECT COUNT(*) FROM audit_event WHERE action = 'login.failed' AND actor = 'admin'");

    Reply refused = anonymous.as("admin", "not-the-password").get("api/pairs");

    assertEquals(401, refused.status());
    assertEquals(
        before + 1,
        Deployments.count(
            "SELECT COUNT(*) FROM audit_event WHERE action = 'login.failed' AND actor = 'admin'"));
  }

  @Test
  void auditorReadsEverythingAndChangesNothing() throws Exception {
    ManagementServer auditor = as("auditor");
    assertEquals(200, auditor.get("api/pairs").status());
    assertEquals(200, auditor.get("api/certificates").status());
    assertEquals(200, auditor.get("api/audit").status());
    assertEquals(200, auditor.get("api/audit/verify").status());

    Reply create = auditor.post("api/pairs", JsonBody.of(Map.of("name", "auditor-pair")));
    assertEquals(403, create.status(), create.body());
    assertTrue(create.contentType().startsWith("application/problem+json"));
    assertEquals(
        403,
        auditor
            .post(
                "api/certificates/csr",
                JsonBody.of(Map.of("keyType", "EC-P256", "subject", "CN=x")))
            .status());
    assertEquals(403, auditor.get("api/users").status());
    assertEquals(
        403,
        auditor.post("api/trust-stores", JsonBody.of(Map.of("name", "auditor-store"))).status());
  }

  @Test
  void operatorConfiguresButManagesNoUsersExportsNoKeysAndReadsNoAudit() throws Exception {
    ManagementServer operator = as("operator");
    Reply created =
        operator.post(
            "api/pairs", JsonBody.of(Map.of("name", "operator-pair-" + System.nanoTime())));
    assertEquals(201, created.status(), created.body());

    assertEquals(403, operator.get("api/users").status());
    assertEquals(
        403,
        operator
            .post(
                "api/users",
                JsonBody.of(
                    Map.of("username", "sneaky", "password", "sneaky-password-1", "role", "admin")))
            .status());
    assertEquals(
        403,
        operator
            .post(
                "api/certificates/1/export",
                JsonBody.of(Map.of("passphrase", "whatever-passphrase")))
            .status());
    assertEquals(403, operator.post("api/certificates/keys/rewrap", "{}").status());
    assertEquals(403, operator.get("api/audit").status());
  }

  @Test
  void aScriptAuthenticatesWithAnApiTokenOfItsUser() throws Exception {
    Reply issued =
        as("operator").post("api/me/tokens", JsonBody.of(Map.of("name", "nightly-sync")));
    assertEquals(201, issued.status(), issued.body());
    String token = issued.json().getString("token");

    ManagementServer script = anonymous.withToken(token);
    assertEquals(200, script.get("api/pairs").status());
    assertEquals("test-operator", script.get("api/me").json().getString("username"));
    assertEquals(403, script.get("api/users").status());

    assertEquals(401, anonymous.withToken(token + "x").get("api/pairs").status());
  }

  @Test
  void apiTokensAreListedWithTheirLastUseAndRevokedByTheirOwner() throws Exception {
    ManagementServer owner = tokenUser("test-token-owner");
    String token = issue(owner, "report-job");
    JsonObject listed = onlyToken(owner.get("api/me/tokens"));
    assertEquals("report-job", listed.getString("name"));
    assertFalse(listed.toString().contains(token), "the token itself is never listed");
    OffsetDateTime expires = OffsetDateTime.parse(listed.getString("expiresAt"));
    assertTrue(
        expires.isAfter(OffsetDateTime.now().plusDays(89))
            && expires.isBefore(OffsetDateTime.now().plusDays(91)),
        "expires in 90 days by default: " + expires);
    assertFalse(listed.containsKey("lastUsedAt") && !listed.isNull("lastUsedAt"), "unused yet");

    assertEquals(200, anonymous.withToken(token).get("api/pairs").status());
    JsonObject used = onlyToken(owner.get("api/me/tokens"));
    assertFalse(used.isNull("lastUsedAt"), used.toString());

    assertEquals(204, owner.delete("api/me/tokens/" + used.getJsonNumber("id"), null).status());
    assertEquals(401, anonymous.withToken(token).get("api/pairs").status(), "revoked");
    assertEquals(0, owner.get("api/me/tokens").jsonArray().size());
  }

  @Test
  void anAdminRevokesAnyUsersTokensAndOthersCannotSeeThem() throws Exception {
    ManagementServer owner = tokenUser("test-token-victim");
    String token = issue(owner, "leaked");
    assertEquals(403, as("operator").get("api/users/test-token-victim/tokens").status());
    JsonObject listed = onlyToken(admin.get("api/users/test-token-victim/tokens"));
    assertEquals(
        404,
        as("operator").delete("api/me/tokens/" + listed.getJsonNumber("id"), null).status(),
        "another user's token is not the operator's to revoke");
    assertEquals(
        204,
        admin
            .delete("api/users/test-token-victim/tokens/" + listed.getJsonNumber("id"), null)
            .status());
    assertEquals(401, anonymous.withToken(token).get("api/pairs").status());
  }

  @Test
  void aPasswordResetOrDisablingRevokesTheUsersTokens() throws Exception {
    ManagementServer owner = tokenUser("test-token-reset");
    String beforeReset = issue(owner, "before-reset");
    String etag = admin.get("api/users/test-token-reset").etag();
    Reply reset =
        admin.put(
            "api/users/test-token-reset",
            JsonBody.of(Map.of("password", "a-new-password-2")),
            etag);
    assertEquals(200, reset.status(), reset.body());
    assertEquals(401, anonymous.withToken(beforeReset).get("api/pairs").status());

    ManagementServer renewed = anonymous.as("test-token-reset", "a-new-password-2");
    String beforeDisable = issue(renewed, "before-disable");
    Reply disabled =
        admin.put(
            "api/users/test-token-reset",
            JsonBody.of(Map.of("enabled", false)),
            admin.get("api/users/test-token-reset").etag());
    assertEquals(200, disabled.status(), disabled.body());
    assertEquals(0, admin.get("api/users/test-token-reset/tokens").jsonArray().size(), "none left");
    assertEquals(401, anonymous.withToken(beforeDisable).get("api/pairs").status());
  }

  private ManagementServer tokenUser(String name) throws Exception {
    Reply created =
        admin.post(
            "api/users",
            JsonBody.of(
                Map.of("username", name, "password", "token-user-password", "role", "operator")));
    assertEquals(201, created.status(), created.body());
    return anonymous.as(name, "token-user-password");
  }

  private static String issue(ManagementServer user, String name) throws Exception {
    Reply issued = user.post("api/me/tokens", JsonBody.of(Map.of("name", name)));
    assertEquals(201, issued.status(), issued.body());
    return issued.json().getString("token");
  }

  private static JsonObject onlyToken(Reply list) {
    assertEquals(200, list.status(), list.body());
    assertEquals(1, list.jsonArray().size(), list.body());
    return list.jsonArray().getJsonObject(0);
  }

  @Test
  void onlyAdminsManageUsersAndBadUserInputIsRefused() throws Exception {
    Reply weak =
        admin.post(
            "api/users",
            JsonBody.of(Map.of("username", "weak", "password", "short", "role", "operator")));
    assertEquals(422, weak.status());
    assertTrue(weak.detail().contains("at least 12 characters"), weak.body());

    Reply badRole =
        admin.post(
            "api/users",
            JsonBody.of(
                Map.of("username", "someone", "password", "long-enough-pass", "role", "root")));
    assertEquals(422, badRole.status());
    assertTrue(badRole.detail().contains("role 'root' does not exist"), badRole.body());

    Reply duplicate =
        admin.post(
            "api/users",
            JsonBody.of(
                Map.of(
                    "username",
                    "test-operator",
                    "password",
                    "long-enough-pass",
                    "role",
                    "operator")));
    assertEquals(409, duplicate.status(), duplicate.body());

    Reply list = admin.get("api/users");
    assertEquals(200, list.status());
    assertTrue(!list.body().contains("argon2"), "password hashes are never shown");
  }

  // Password guessing against HTTP Basic: the attacker's requests come from 127.0.0.3 so that the
  // address of the other tests (127.0.0.1) is not throttled.

  @Test
  void aBurstOfBadSignInsIsThrottledBoundedAndLeavesOtherUsersIn() throws Exception {
    ManagementServer admin = new ManagementServer(deployment).asAdmin();
    long rssBefore = payaraRssKib();
    List<Integer> statuses = new ArrayList<>();
    ExecutorService attackers = Executors.newFixedThreadPool(32);
    try {
      List<Future<String>> replies = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        int guess = i;
        replies.add(
            attackers.submit(
                () -> basicFrom("127.0.0.3", "victim", "guess-" + guess, "api/pairs")));
      }
      // Meanwhile another user signs in from elsewhere.
      assertEquals(200, admin.get("api/pairs").status());
      for (Future<String> reply : replies) {
        String head = reply.get(120, TimeUnit.SECONDS);
        statuses.add(Integer.parseInt(head.substring(9, 12)));
        if (head.startsWith("HTTP/1.1 429")) {
          assertTrue(head.toLowerCase().contains("retry-after:"), head);
        }
      }
    } finally {
      attackers.shutdownNow();
    }
    long checked = statuses.stream().filter(s -> s == 401).count();
    long throttled = statuses.stream().filter(s -> s == 429).count();
    assertEquals(500, checked + throttled, "only 401 and 429: " + statuses);
    assertTrue(checked <= 10, "passwords checked: " + checked);

    assertEquals(200, admin.get("api/pairs").status(), "others still sign in");
    long growthMib = (payaraRssKib() - rssBefore) / 1024;
    assertTrue(growthMib < 300, "the server grew by " + growthMib + " MiB");

    Reply audit = admin.get("api/audit?action=login.failed&actor=victim");
    assertEquals(200, audit.status(), audit.body());
    assertEquals(1, audit.jsonArray().size(), "one row, the rest summarised: " + audit.body());
  }

  @Test
  void guessedEnrollmentTokensAreThrottledAndAuditedOnce() throws Exception {
    String sealingKey =
        PublicKeys.encode(KeyPairGenerator.getInstance("X25519").generateKeyPair().getPublic());
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp256r1"));
    String channelKey = PublicKeys.encode(ec.generateKeyPair().getPublic());
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      // Well-formed, for a token that was never issued: the cheapest guess there is.
      String token =
          "zge1.999999999." + "A".repeat(42) + (char) ('A' + i % 26) + "." + "0".repeat(64);
      String head =
          exchangeFrom(
              "127.0.0.5",
              "POST",
              "api/enrollment",
              "Content-Type: application/json\r\n",
              JsonBody.of(
                  Map.of("token", token, "publicKey", sealingKey, "channelKey", channelKey)));
      statuses.add(Integer.parseInt(head.substring(9, 12)));
      if (head.startsWith("HTTP/1.1 429")) {
        assertTrue(head.toLowerCase().contains("retry-after:"), head);
      }
    }
    assertTrue(statuses.contains(429), "never throttled: " + statuses);
    ManagementServer admin = new ManagementServer(deployment).asAdmin();
    Reply audit = admin.get("api/audit?action=node.enroll.refused");
    assertEquals(200, audit.status(), audit.body());
    long fromGuesser =
        audit.jsonArray().getValuesAs(JsonObject.class).stream()
            .filter(e -> e.toString().contains("127.0.0.5"))
            .count();
    assertEquals(1, fromGuesser, "one row, the rest summarised: " + audit.body());
  }

  @Test
  void aUserNameLongerThanAnyIsRefusedAndItsAuditRowIsCut() throws Exception {
    String name = "n".repeat(150);
    String head = basicFrom("127.0.0.4", name, "whatever", "api/pairs");
    assertTrue(head.startsWith("HTTP/1.1 401"), head);
    ManagementServer admin = new ManagementServer(deployment).asAdmin();
    Reply audit = admin.get("api/audit?action=login.failed");
    assertEquals(200, audit.status(), audit.body());
    boolean cut = false;
    for (JsonObject event : audit.jsonArray().getValuesAs(JsonObject.class)) {
      String actor = event.getString("actor");
      cut |= actor.startsWith("nnnn") && actor.endsWith("…(cut)") && actor.length() == 100;
    }
    assertTrue(cut, audit.body());
  }

  /** An HTTP/1.1 GET with Basic credentials from a chosen loopback address; the response head. */
  private String basicFrom(String source, String user, String password, String path)
      throws IOException {
    String credentials =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return exchangeFrom(source, "GET", path, "Authorization: Basic " + credentials + "\r\n", "");
  }

  /** One request sent from {@code source} (a loopback address); returns the response's head. */
  private String exchangeFrom(
      String source, String method, String path, String headers, String body) throws IOException {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(source, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", deployment.getPort()), 10_000);
      socket.setSoTimeout(60_000);
      byte[] content = body.getBytes(StandardCharsets.UTF_8);
      OutputStream out = socket.getOutputStream();
      out.write(
          (method
                  + " "
                  + deployment.getPath()
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  + headers
                  + "Content-Length: "
                  + content.length
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(content);
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int end = response.indexOf("\r\n\r\n");
      return end < 0 ? response : response.substring(0, end);
    }
  }

  /** Resident memory of the Payara Micro process of this build (found by its cluster name). */
  private static long payaraRssKib() throws IOException {
    String cluster = System.getProperty("zengate.test.grid.cluster");
    ProcessHandle payara =
        ProcessHandle.allProcesses()
            .filter(
                p ->
                    p.info()
                        .commandLine()
                        .map(c -> c.contains("payara-micro") && c.contains(cluster))
                        .orElse(false))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no Payara Micro process for " + cluster));
    for (String line :
        Files.readAllLines(Path.of("/proc", Long.toString(payara.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new AssertionError("no VmRSS for " + payara.pid());
  }
}
