package dev.zengate.management.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.management.interfaces.rest.ManagementServer.Reply;
import java.net.URL;
import java.util.Map;
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
}
