package dev.zengate.management.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.bundle.syslog.SyslogReceiver;
import dev.zengate.management.interfaces.rest.ManagementServer.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/**
 * The web console in a real browser (headless Chromium) against the real server, in Japanese and in
 * English: each test is one thing an operator, an admin or an auditor does, and each screen it
 * visits is checked by axe-core, for CSP violations, and kept as a screenshot.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleIT {

  @Deployment(testable = false)
  static WebArchive builtWar() {
    return Deployments.builtWar();
  }

  @ArquillianResource private URL deployment;

  private ManagementServer server() {
    return new ManagementServer(deployment);
  }

  /** Every browser a test opened, quit after it even when a step failed before its try block. */
  private final List<ConsoleBrowser> opened = new ArrayList<>();

  @AfterEach
  void quitBrowsers() {
    opened.forEach(ConsoleBrowser::close);
    opened.clear();
  }

  private ConsoleBrowser browser(String language) {
    ConsoleBrowser browser = new ConsoleBrowser(server().application(), language);
    opened.add(browser);
    return browser;
  }

  private ConsoleBrowser admin(String language) {
    return browser(language).signIn("admin", ManagementServer.ADMIN_PASSWORD);
  }

  private static String unique(String prefix) {
    return prefix + "-" + System.nanoTime();
  }

  @Test
  void anAdminSignsInAndSeesTheOverviewInJapanese() {
    try (ConsoleBrowser b = admin("ja")) {
      assertTrue(b.text(By.tagName("h1")).contains("対応が必要な項目"));
      assertTrue(b.text(By.id("signed-in-as")).contains("admin（管理者）"));
      assertTrue(b.present(By.id("attention-certificates-within30")));
      b.checkScreen("overview");
    }
  }

  @Test
  void anAdminSignsInAndSeesTheOverviewInEnglish() {
    try (ConsoleBrowser b = admin("en")) {
      assertTrue(b.text(By.tagName("h1")).contains("what needs attention"));
      assertTrue(b.text(By.id("signed-in-as")).contains("admin (administrator)"));
      b.checkScreen("overview");
    }
  }

  @Test
  void aWrongPasswordIsRefusedWithTheServersMessage() {
    try (ConsoleBrowser b = browser("en").open("")) {
      b.field("username").sendKeys("admin");
      b.field("password").sendKeys("not-the-password");
      b.click("sign-in");
      assertTrue(b.text(By.id("problem")).contains("wrong password"));
      assertFalse(b.present(By.id("sign-out")));
      b.checkScreen("sign-in-refused");
    }
  }

  @Test
  void aNewPairGetsAnEnrollmentCommandToCopy() {
    String pair = unique("tokyo");
    try (ConsoleBrowser b = admin("ja").open("pairs")) {
      b.field("pair-name").sendKeys(pair);
      b.field("pair-site").sendKeys("東京");
      b.click("create-pair-submit");
      b.waitForText(By.tagName("h1"), pair);
      assertTrue(b.currentPath().matches(".*/pairs/\\d+"), b.currentPath());
      b.field("node-name").sendKeys("gw-a");
      b.field("node-host").sendKeys("127.0.0.1");
      b.click("add-node-submit");
      b.click("enroll-gw-a");
      String command = b.text(By.id("enrollment"));
      assertTrue(
          command.contains("java -jar zengate-gateway.jar enroll --server http://127.0.0.1:"),
          command);
      assertTrue(command.contains("--token zge"), command);
      b.checkScreen("pair-enrollment");
    }
  }

  @Test
  void aVirtualServerCreatedInTheFormIsListed() throws Exception {
    Fixture f = fixture();
    String name = unique("zengin-in");
    try (ConsoleBrowser b = admin("en").open("virtual-servers/new")) {
      fillVirtualServer(b, f, name, "55020");
      b.checkScreen("virtual-server-form");
      b.click("virtual-server-submit");
      b.waitForText(By.id("virtual-servers-table"), name);
      assertTrue(b.text(By.id("virtual-servers-table")).contains("192.0.2.10:55020"));
      b.checkScreen("virtual-servers");
      // The certificate's detail says where it is used now.
      b.open("certificates/" + certificateId(f.certificateSubject()));
      b.waitForText(By.id("certificate-usage"), name);
      assertTrue(b.text(By.id("certificate-usage")).contains(f.pairName()));
      b.checkScreen("certificate-where-used");
    }
  }

  @Test
  void badInputShowsTheServersMessageAtTheFieldAndStoresNothing() throws Exception {
    Fixture f = fixture();
    long before = Deployments.count("SELECT count(*) FROM virtual_server");
    try (ConsoleBrowser b = admin("ja").open("virtual-servers/new")) {
      fillVirtualServer(b, f, unique("bad-port"), "70000");
      b.click("virtual-server-submit");
      String message = b.text(By.id("vs-bindPort-error"));
      // (PatternFly adds a screen reader's status after the message.)
      assertTrue(message.startsWith("待ち受けポート 70000 は範囲外です（1～65535）"), message);
      assertTrue(b.currentPath().endsWith("/virtual-servers/new"));
      b.checkScreen("virtual-server-bad-port");
    }
    assertEquals(before, Deployments.count("SELECT count(*) FROM virtual_server"));
  }

  @Test
  void aCertificateIsImportedByFileUpload() throws Exception {
    TestPki.Issued ca = TestPki.rootCa("CN=Upload CA " + System.nanoTime());
    String subject = "CN=upload-" + System.nanoTime() + ".example.jp";
    TestPki.Issued leaf =
        TestPki.issue(ca, subject, TestPki.ec(), false, TestPki.validNow(), "upload.example.jp");
    Path file = Files.createTempFile("zengate-upload-", ".pem");
    Files.writeString(file, leaf.certificatePem() + leaf.keyPem());
    try (ConsoleBrowser b = admin("ja").open("certificates")) {
      b.field("certificate-file").sendKeys(file.toAbsolutePath().toString());
      b.click("import-submit");
      b.waitForText(By.id("certificate-detail"), subject.substring(3));
      assertTrue(b.text(By.id("certificate-detail")).contains("秘密鍵あり"));
      b.checkScreen("certificate-detail");
      b.open("certificates");
      b.waitForText(By.id("certificates-table"), subject.substring(3));
      b.checkScreen("certificates");
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void aKeyThatDoesNotMatchItsCertificateIsRefusedInJapaneseAndNothingStored() throws Exception {
    TestPki.Issued ca = TestPki.rootCa("CN=Mismatch CA " + System.nanoTime());
    TestPki.Issued leaf =
        TestPki.issue(
            ca, "CN=mismatch.example.jp", TestPki.ec(), false, TestPki.validNow(), "m.example.jp");
    TestPki.Issued other =
        TestPki.issue(
            ca, "CN=other.example.jp", TestPki.ec(), false, TestPki.validNow(), "o.example.jp");
    long before = Deployments.count("SELECT count(*) FROM certificate");
    Path file = Files.createTempFile("zengate-mismatch-", ".pem");
    Files.writeString(file, leaf.certificatePem() + other.keyPem());
    try (ConsoleBrowser b = admin("ja").open("certificates")) {
      b.field("certificate-file").sendKeys(file.toAbsolutePath().toString());
      b.click("import-submit");
      b.waitForText(By.id("problem"), "秘密鍵が証明書と一致しません");
      b.checkScreen("certificate-key-mismatch");
    } finally {
      Files.deleteIfExists(file);
    }
    assertEquals(before, Deployments.count("SELECT count(*) FROM certificate"));
  }

  @Test
  void aTrustStoreIsCreatedByUploadAndItsCasAddedAndRemoved() throws Exception {
    String name = unique("partner-cas");
    TestPki.Issued first = TestPki.rootCa("CN=Partner Root A " + System.nanoTime());
    TestPki.Issued second = TestPki.rootCa("CN=Partner Root B " + System.nanoTime());
    Path firstFile = Files.createTempFile("zengate-ca-", ".pem");
    Path secondFile = Files.createTempFile("zengate-ca-", ".pem");
    Files.writeString(firstFile, first.certificatePem());
    Files.writeString(secondFile, second.certificatePem());
    try (ConsoleBrowser b = admin("en").open("trust-stores")) {
      b.field("new-trust-store-name").sendKeys(name);
      b.field("new-trust-store-file").sendKeys(firstFile.toAbsolutePath().toString());
      b.click("create-trust-store-submit");
      b.waitForText(By.tagName("body"), name);
      long id = trustStoreId(name);
      b.waitForText(By.id("trust-store-" + id), "Partner Root A");

      b.field("add-ca-" + id).sendKeys(secondFile.toAbsolutePath().toString());
      b.click("add-ca-submit-" + id);
      b.waitForText(By.id("trust-store-" + id), "Partner Root B");
      long firstCa = caIds(id).get(0);
      b.click("remove-ca-" + id + "-" + firstCa);
      b.until(d -> !b.text(By.id("trust-store-" + id)).contains("Partner Root A"));
      b.checkScreen("trust-store-edited");
      assertEquals(1, caIds(id).size(), "one CA left on the server");
    } finally {
      Files.deleteIfExists(firstFile);
      Files.deleteIfExists(secondFile);
    }
  }

  private long trustStoreId(String name) throws Exception {
    return server()
        .asAdmin()
        .get("api/trust-stores")
        .jsonArray()
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(s -> s.getString("name").equals(name))
        .findFirst()
        .orElseThrow()
        .getJsonNumber("id")
        .longValue();
  }

  private java.util.List<Long> caIds(long trustStore) throws Exception {
    return server()
        .asAdmin()
        .get("api/trust-stores/" + trustStore)
        .json()
        .getJsonArray("certificates")
        .getValuesAs(JsonObject.class)
        .stream()
        .sorted(java.util.Comparator.comparing(c -> c.getString("subject")))
        .map(c -> c.getJsonNumber("id").longValue())
        .toList();
  }

  @Test
  void anAuditorSeesNoEditControlAndAForcedChangeIsRefused() throws Exception {
    String auditor = unique("auditor");
    Reply created =
        server()
            .asAdmin()
            .post(
                "api/users",
                JsonBody.of(
                    Map.of(
                        "username", auditor, "password", "auditor-password-1", "role", "auditor")));
    assertEquals(201, created.status(), created.body());
    try (ConsoleBrowser b = browser("ja").signIn(auditor, "auditor-password-1")) {
      b.open("pairs");
      b.waitFor(By.id("pairs-table"));
      assertFalse(b.present(By.id("create-pair")));
      b.open("virtual-servers");
      b.waitFor(By.id("virtual-servers-table"));
      assertFalse(b.present(By.id("new-virtual-server")));
      b.open("certificates");
      b.waitFor(By.id("certificates-table"));
      assertFalse(b.present(By.id("import-certificate")));
      b.open("users");
      b.waitFor(By.id("issue-token"));
      assertFalse(b.present(By.id("create-user")));
      b.checkScreen("auditor-users");
      Object status =
          b.asyncScript(
              "const done = arguments[arguments.length - 1];"
                  + "fetch('api/session').then(r => r.json()).then(s => fetch('api/pairs', {method: 'POST',"
                  + " headers: {'Content-Type': 'application/json', 'X-CSRF-Token': s.csrfToken},"
                  + " body: JSON.stringify({name: 'forced-by-auditor'})})).then(r => done(r.status));");
      assertEquals(403L, status);
    }
    assertEquals(
        0, Deployments.count("SELECT count(*) FROM gateway_pair WHERE name = 'forced-by-auditor'"));
  }

  @Test
  void theAuditPageShowsTheChangesJustMadeAndExportsCsv() throws Exception {
    String pair = unique("audited");
    try (ConsoleBrowser b = admin("en").open("pairs")) {
      b.field("pair-name").sendKeys(pair);
      b.click("create-pair-submit");
      b.waitForText(By.tagName("h1"), pair);
      String id = b.currentPath().replaceFirst(".*/pairs/", "");
      b.open("audit");
      b.waitFor(
          By.xpath(
              "//table[@id='audit-table']//tr[td[3]='pair.create' and normalize-space(td[4])='pair "
                  + id
                  + "']"));
      assertTrue(b.text(By.id("chain-verification")).contains("intact"));
      b.checkScreen("audit");
      Path csv = ConsoleBrowser.DOWNLOADS.resolve("zengate-audit.csv");
      Files.deleteIfExists(csv);
      b.click("export-csv");
      long deadline = System.currentTimeMillis() + 15_000;
      while (!(Files.exists(csv) && Files.readString(csv).contains(pair))
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(200);
      }
      assertTrue(Files.exists(csv), "the CSV was downloaded");
      assertTrue(Files.readString(csv).contains(pair), "the CSV holds the new pair");
    }
  }

  @Test
  void signOutEndsTheSessionOnTheServer() throws Exception {
    try (ConsoleBrowser b = admin("ja")) {
      // The Secure cookie was kept by Chromium over http://127.0.0.1 (a secure context).
      Cookie cookie = b.cookie("zengate_session");
      assertTrue(
          cookie != null && cookie.isHttpOnly() && cookie.isSecure(), String.valueOf(cookie));
      assertEquals("Strict", cookie.getSameSite());
      assertEquals(200, withCookie("GET", "api/session", cookie.getValue(), null));
      // A change carried by the cookie alone (as a forged cross-site request would be) is refused.
      assertEquals(403, withCookie("POST", "api/pairs", cookie.getValue(), "{\"name\":\"csrf\"}"));
      b.click("sign-out");
      b.waitFor(By.id("sign-in"));
      b.checkScreen("signed-out");
      assertEquals(401, withCookie("GET", "api/session", cookie.getValue(), null));
      assertEquals(401, withCookie("GET", "api/pairs", cookie.getValue(), null));
    }
  }

  @Test
  void everyConsoleAddressIsServedUnderTheSecurityPolicy() throws Exception {
    HttpResponse<String> page = fetch("pairs/12345");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<div id=\"root\">"), page.body());
    String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(policy.contains("frame-ancestors 'none'"), policy);
    assertFalse(policy.contains("unsafe-inline"), policy);
    assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertEquals(404, fetch("assets/missing.js").statusCode());
    assertTrue(fetch("api/pairs").headers().firstValue("Content-Type").orElse("").contains("json"));
  }

  @Test
  void anAdminResetsAPasswordAndTheUsersTokensAreRevoked() throws Exception {
    String user = unique("ops");
    ManagementServer admin = server().asAdmin();
    Reply created =
        admin.post(
            "api/users",
            JsonBody.of(
                Map.of("username", user, "password", "first-password-123", "role", "operator")));
    assertEquals(201, created.status(), created.body());
    ManagementServer asUser = server().as(user, "first-password-123");
    String token =
        asUser
            .post("api/me/tokens", JsonBody.of(Map.of("name", "nightly-job")))
            .json()
            .getString("token");
    assertEquals(200, server().withToken(token).get("api/pairs").status());

    try (ConsoleBrowser b = admin("ja").open("users")) {
      b.click("manage-" + user);
      b.waitForText(By.id("user-tokens"), "nightly-job");
      b.field("reset-password").sendKeys("second-password-456");
      b.click("reset-password-submit");
      b.waitForText(By.id("manage-user"), "パスワードを再設定しました");
      assertFalse(b.text(By.id("user-tokens")).contains("nightly-job"), "tokens listed as revoked");
      b.checkScreen("user-password-reset");
    }
    assertEquals(401, server().withToken(token).get("api/pairs").status(), "token revoked");
    assertEquals(200, server().as(user, "second-password-456").get("api/pairs").status());
  }

  @Test
  void aUserListsOwnTokensAndRevokesOne() throws Exception {
    try (ConsoleBrowser b = admin("en").open("users")) {
      String name = unique("script");
      b.field("token-name").sendKeys(name);
      b.click("issue-token");
      b.waitForText(By.id("my-tokens"), name);
      String token =
          (String)
              b.script(
                  "const input = document.querySelector('#issued-token input, input#issued-token');"
                      + " return input ? input.value : document.querySelector('#issued-token')"
                      + ".textContent;");
      assertEquals(200, server().withToken(token.strip()).get("api/pairs").status());
      b.click(
          (String)
              b.script(
                  "const row = [...document.querySelectorAll('#my-tokens tr')]"
                      + ".find(r => r.textContent.includes(arguments[0]));"
                      + " const button = row.querySelector('button'); button.id = 'revoke-it';"
                      + " return button.id;",
                  name));
      b.until(d -> !b.text(By.id("my-tokens")).contains(name));
      b.checkScreen("my-tokens");
      assertEquals(401, server().withToken(token.strip()).get("api/pairs").status());
    }
  }

  @Test
  void aVirtualClientsBadRuleIsShownAtTheTableThenTheFixedOneIsStored() throws Exception {
    Fixture f = fixture();
    String store = unique("partner-roots");
    TestPki.Issued partnerRoot = TestPki.rootCa("CN=Partner Root " + System.nanoTime());
    Reply created =
        server()
            .asAdmin()
            .post(
                "api/trust-stores",
                JsonBody.of(Map.of("name", store, "certificates", partnerRoot.certificatePem())));
    assertEquals(201, created.status(), created.body());
    String name = unique("zengin-out");
    long before = Deployments.count("SELECT count(*) FROM virtual_client");
    try (ConsoleBrowser b = admin("ja").open("virtual-clients/new")) {
      b.waitForText(By.id("vc-pairId"), f.pairName());
      new Select(b.field("vc-pairId")).selectByVisibleText(f.pairName());
      b.field("vc-name").sendKeys(name);
      b.field("vc-targetHost").sendKeys("partner.example.jp");
      new Select(b.field("vc-trustStoreId")).selectByVisibleText(store);
      b.click("vc-protocols-TLSv1.3");
      b.click("vc-clientCertificateRules-add");
      b.field("vc-clientCertificateRules-0-destination").sendKeys("203.0.113.300");
      selectStartingWith(b, "vc-clientCertificateRules-0-certificate", f.certificateSubject());
      b.click("virtual-client-submit");
      String message = b.text(By.id("vc-clientCertificateRules-error"));
      assertTrue(
          message.startsWith(
              "クライアント証明書ルール 1: 接続先 IP アドレス (Dst)「203.0.113.300」は any、IP アドレス、CIDR のいずれでもありません"),
          message);
      assertEquals(before, Deployments.count("SELECT count(*) FROM virtual_client"));
      b.checkScreen("virtual-client-bad-rule");

      b.field("vc-clientCertificateRules-0-destination").clear();
      b.field("vc-clientCertificateRules-0-destination").sendKeys("203.0.113.30");
      b.click("virtual-client-submit");
      b.waitForText(By.id("virtual-clients-table"), name);
      assertTrue(b.text(By.id("virtual-clients-table")).contains("partner.example.jp:55020"));
      b.checkScreen("virtual-clients");
    }
    JsonObject stored =
        server().asAdmin().get("api/virtual-clients").jsonArray().stream()
            .map(JsonValue::asJsonObject)
            .filter(v -> v.getString("name").equals(name))
            .findFirst()
            .orElseThrow();
    JsonObject rule = stored.getJsonArray("clientCertificateRules").getJsonObject(0);
    assertEquals("203.0.113.30", rule.getString("destination"));
    assertEquals("any", rule.getString("source"));
    assertEquals("[\"TLSv1.3\"]", stored.getJsonArray("protocols").toString());
  }

  @Test
  void theVirtualServerFormOffersOnlySuitesTheCertificatesKeyCanUse() throws Exception {
    Fixture f = fixture();
    try (ConsoleBrowser b = admin("en").open("virtual-servers/new")) {
      fillVirtualServer(b, f, unique("suites"), "55020");
      b.waitForText(By.id("vs-cipherSuites"), "TLS_AES_128_GCM_SHA256");
      String offered = b.text(By.id("vs-cipherSuites"));
      assertTrue(offered.contains("ECDHE-ECDSA-AES128-GCM-SHA256"), offered);
      assertFalse(offered.contains("ECDHE-RSA-AES128-GCM-SHA256"), offered);
      b.checkScreen("virtual-server-suites-by-key");
    }
  }

  @Test
  void aKeyMadeByZengateGetsItsIssuedCertificateByUpload() throws Exception {
    String host = "csr-" + System.nanoTime() + ".example.jp";
    TestPki.Issued ca = TestPki.rootCa("CN=Bank CA " + System.nanoTime());
    Path issued = Files.createTempFile("zengate-issued-", ".pem");
    try (ConsoleBrowser b = admin("ja").open("certificates")) {
      b.field("csr-subject").sendKeys("CN=" + host + ",O=Example Bank");
      b.field("csr-sans").sendKeys(host);
      b.click("csr-submit");
      b.waitForText(By.id("pending-csrs-table"), host);
      String csr =
          server()
              .asAdmin()
              .get("api/certificates/csr")
              .jsonArray()
              .getValuesAs(JsonObject.class)
              .stream()
              .filter(p -> p.getString("subject").contains(host))
              .findFirst()
              .orElseThrow()
              .getString("csr");
      Files.writeString(issued, TestPki.pem(TestPki.sign(ca, csr)));
      b.field("issued-file").sendKeys(issued.toAbsolutePath().toString());
      b.click("issued-submit");
      b.waitForText(By.id("certificate-detail"), host);
      assertTrue(b.text(By.id("certificate-detail")).contains("秘密鍵あり"));
      b.checkScreen("certificate-issued-for-csr");
    } finally {
      Files.deleteIfExists(issued);
    }
  }

  @Test
  void anAdminExportsAKeyOnlyAfterConfirmingAndTheExportIsAudited() throws Exception {
    Fixture f = fixture();
    long id = certificateId(f.certificateSubject());
    long before = Deployments.count("SELECT count(*) FROM audit_event WHERE action = 'key.export'");
    try (ConsoleBrowser b = admin("en").open("certificates/" + id)) {
      b.field("export-passphrase").sendKeys("export-passphrase-1");
      assertFalse(b.field("export-submit").isEnabled(), "export needs the confirmation");
      b.click("export-confirm");
      b.click("export-submit");
      b.until(
          d -> {
            try {
              return Deployments.count(
                      "SELECT count(*) FROM audit_event WHERE action = 'key.export'")
                  > before;
            } catch (Exception e) {
              return false;
            }
          });
      b.checkScreen("certificate-export");
    }
  }

  @Test
  void theExpiryScreenListsACertificateWithItsNotificationSchedule() throws Exception {
    Fixture f = fixture();
    try (ConsoleBrowser b = admin("ja").open("certificate-watch")) {
      b.waitForText(By.id("watch-table"), f.certificateSubject());
      String row =
          (String)
              b.script(
                  "return [...document.querySelectorAll('#watch-table tr')]"
                      + ".find(r => r.textContent.includes(arguments[0])).textContent;",
                  f.certificateSubject());
      assertTrue(row.contains("残り"), row);
      assertTrue(row.contains("使用されていません"), "not used by any listener yet: " + row);
      b.checkScreen("certificate-watch");
    }
  }

  @Test
  void theExpiryScreenShowsAPartnerCertificateWithWhereItWasSeen() throws Exception {
    ManagementServer admin = server().asAdmin();
    String pairName = unique("partner-pair");
    long pairId =
        admin.post("api/pairs", JsonBody.of(Map.of("name", pairName))).json().getInt("id");
    Reply node =
        admin.post(
            "api/pairs/" + pairId + "/nodes",
            JsonBody.of(Map.of("name", "gw-p", "host", "127.0.0.1", "priority", 200)));
    assertEquals(201, node.status(), node.body());
    long nodeId = node.json().getInt("id");
    String subject = "CN=Partner Bank " + System.nanoTime() + ",O=Partner Bank";
    // What a node's report stores (NodeSettingsAndPartnersIT covers the real handshake and
    // channel).
    try (java.sql.Connection c = Deployments.database();
        java.sql.PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO partner_certificate (pair_id, node_id, listener, peer_role,"
                    + " chain_position, sha256, subject_dn, issuer_dn, serial_number, not_before,"
                    + " not_after, first_seen_at, last_seen_at) VALUES (?, ?, 'zengin-inbound',"
                    + " 'client', 0, ?, ?, 'CN=Partner CA', '1a2b', now() - interval '300 days',"
                    + " now() + interval '20 days', now(), now())")) {
      insert.setLong(1, pairId);
      insert.setLong(2, nodeId);
      insert.setString(3, String.format("%064x", System.nanoTime()));
      insert.setString(4, subject);
      insert.executeUpdate();
    }
    try (ConsoleBrowser b = admin("en").open("certificate-watch")) {
      b.waitForText(By.id("partners-table"), subject);
      String seen =
          (String)
              b.script(
                  "return [...document.querySelectorAll('#partners-table tr')]"
                      + ".find(r => r.textContent.includes(arguments[0])).textContent;",
                  subject);
      assertTrue(seen.contains("gw-p, zengin-inbound: client certificate"), seen);
      assertTrue(seen.contains(pairName), seen);
      String watched =
          (String)
              b.script(
                  "return [...document.querySelectorAll('#watch-table tr')]"
                      + ".find(r => r.textContent.includes(arguments[0])).textContent;",
                  subject);
      assertTrue(watched.contains("partner"), "a partner band in the inventory: " + watched);
    }
  }

  @Test
  void notificationSettingsAreEditedTestedAndABadValueIsShownAtItsField() throws Exception {
    try (SyslogReceiver syslog = SyslogReceiver.udp();
        ConsoleBrowser b = admin("en").open("certificate-watch")) {
      b.waitFor(By.id("notify-webhookUrl"));
      b.field("notify-webhookUrl").sendKeys("http://chat.bank.example/hook");
      b.click("save-notification-settings");
      b.waitForText(By.id("notify-webhookUrl-error"), "webhookUrl: ");
      assertTrue(b.text(By.id("notify-webhookUrl-error")).contains("must use https"));
      assertEquals(
          null,
          server()
              .asAdmin()
              .get("api/certificate-watch/settings")
              .json()
              .getString("webhookUrl", null),
          "nothing stored");
      b.checkScreen("notification-settings-refused");
      // Emptied by keys: clear() changes the DOM behind React's back, so its state keeps the text.
      b.field("notify-webhookUrl").sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      b.field("notify-syslogTarget").sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      b.field("notify-syslogTarget").sendKeys("127.0.0.1:" + syslog.port());
      b.click("save-notification-settings");
      b.waitFor(By.id("notification-saved"));
      assertEquals(
          "127.0.0.1:" + syslog.port(),
          server()
              .asAdmin()
              .get("api/certificate-watch/settings")
              .json()
              .getString("syslogTarget"));
      b.click("test-SYSLOG");
      b.waitForText(By.id("test-outcomes"), "Sent to 127.0.0.1:" + syslog.port());
      assertEquals("TEST", syslog.take(10).msgId());
      b.checkScreen("notification-settings-tested");
    }
  }

  @Test
  void aPairsOwnChannelsAreSavedOnItsPageAndTheSecretIsNotShown() throws Exception {
    ManagementServer api = server().asAdmin();
    String pair = unique("channels-pair");
    long pairId =
        api.post("api/pairs", JsonBody.of(Map.of("name", pair)))
            .json()
            .getJsonNumber("id")
            .longValue();
    try (ConsoleBrowser b = admin("ja").open("pairs/" + pairId)) {
      b.waitFor(By.id("pair-notify-emailRecipients"));
      b.field("pair-notify-emailRecipients").sendKeys("dc1-ops@bank.example\nit@bank.example en");
      b.field("pair-notify-webhookUrl").sendKeys("https://chat.bank.example/hook");
      b.click("save-pair-notification-settings");
      b.waitForText(By.id("pair-notify-webhookSecret-error"), "webhookSecret: ");
      b.field("pair-notify-webhookSecret").sendKeys("a-long-shared-secret-for-chat");
      b.click("save-pair-notification-settings");
      b.waitFor(By.id("pair-notification-saved"));
      b.checkScreen("pair-notification-settings");
    }
    JsonObject settings = api.get("api/pairs/" + pairId + "/settings").json();
    assertEquals(
        "en", settings.getJsonArray("emailRecipients").getJsonObject(1).getString("language"));
    assertTrue(settings.getBoolean("webhookSecretSet"));
    assertFalse(settings.toString().contains("a-long-shared-secret"), settings.toString());
  }

  @Test
  void aDeliveryIsShownWithItsChannelStateAndDestination() throws Exception {
    ManagementServer admin = server().asAdmin();
    try (SyslogReceiver syslog = SyslogReceiver.udp()) {
      String pair = unique("delivery-pair");
      Reply created = admin.post("api/pairs", JsonBody.of(Map.of("name", pair)));
      long pairId = created.json().getJsonNumber("id").longValue();
      String etag = admin.get("api/pairs/" + pairId + "/settings").etag();
      Reply set =
          admin.put(
              "api/pairs/" + pairId + "/settings",
              JsonBody.of(Map.of("syslogTarget", "127.0.0.1:" + syslog.port())),
              etag);
      assertEquals(200, set.status(), set.body());
      String subject = "CN=Expiring " + System.nanoTime();
      java.time.Instant now = java.time.Instant.now();
      java.security.KeyPair keys = TestPki.ec();
      TestPki.Issued ca =
          new TestPki.Issued(
              keys,
              TestPki.certificate(
                  subject,
                  keys,
                  new org.bouncycastle.asn1.x500.X500Name(subject),
                  keys.getPrivate(),
                  true,
                  new java.time.Instant[] {
                    now.minus(Duration.ofDays(300)), now.plus(Duration.ofDays(10))
                  },
                  null));
      Reply store =
          admin.post(
              "api/trust-stores",
              JsonBody.of(Map.of("name", unique("expiring"), "certificates", ca.certificatePem())));
      assertEquals(201, store.status(), store.body());
      Reply client =
          admin.post(
              "api/virtual-clients",
              JsonBody.of(
                  Map.of(
                      "pairId",
                      pairId,
                      "name",
                      "outbound",
                      "listenAddress",
                      "127.0.0.1",
                      "listenPort",
                      15020,
                      "targetHost",
                      "203.0.113.50",
                      "targetPort",
                      55020,
                      "trustStoreId",
                      store.json().getJsonNumber("id").longValue())));
      assertEquals(201, client.status(), client.body());
      assertEquals(200, admin.post("api/certificate-watch/run", "{}").status());
      try (ConsoleBrowser b = admin("ja").open("certificate-watch")) {
        b.waitForText(By.id("notifications-table"), subject);
        String row =
            (String)
                b.script(
                    "return [...document.querySelectorAll('#notifications-table tr')]"
                        + ".find(r => r.textContent.includes(arguments[0])).textContent;",
                    subject);
        assertTrue(row.contains("送信済み"), row);
        assertTrue(row.contains("Syslog"), row);
        assertTrue(row.contains("127.0.0.1:" + syslog.port()), row);
        b.checkScreen("certificate-watch-deliveries");
      }
    }
  }

  private record Fixture(String pairName, String certificateSubject) {}

  private long certificateId(String subject) throws Exception {
    return server()
        .asAdmin()
        .get("api/certificates?limit=1000")
        .jsonArray()
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(c -> c.getString("subject").equals(subject))
        .findFirst()
        .orElseThrow()
        .getJsonNumber("id")
        .longValue();
  }

  /** A pair and a server certificate with its key, made through the API as a script would. */
  private Fixture fixture() throws Exception {
    ManagementServer admin = server().asAdmin();
    String pair = unique("vs-pair");
    assertEquals(201, admin.post("api/pairs", JsonBody.of(Map.of("name", pair))).status());
    TestPki.Issued ca = TestPki.rootCa("CN=Console CA " + System.nanoTime());
    String subject = "CN=vs-" + System.nanoTime() + ".example.jp";
    TestPki.Issued leaf =
        TestPki.issue(ca, subject, TestPki.ec(), false, TestPki.validNow(), "vs.example.jp");
    Reply imported =
        admin.post(
            "api/certificates",
            JsonBody.of(
                Map.of("certificates", leaf.certificatePem(), "privateKey", leaf.keyPem())));
    assertEquals(201, imported.status(), imported.body());
    return new Fixture(pair, subject);
  }

  private static void fillVirtualServer(ConsoleBrowser b, Fixture f, String name, String port) {
    b.waitForText(By.id("vs-pairId"), f.pairName());
    new Select(b.field("vs-pairId")).selectByVisibleText(f.pairName());
    b.field("vs-name").sendKeys(name);
    b.field("vs-bindAddress").clear();
    b.field("vs-bindAddress").sendKeys("192.0.2.10");
    b.field("vs-bindPort").clear();
    b.field("vs-bindPort").sendKeys(port);
    b.field("vs-targetAddress").sendKeys("10.1.1.20");
    selectStartingWith(b, "vs-certificateId", f.certificateSubject());
  }

  private static void selectStartingWith(ConsoleBrowser b, String id, String text) {
    new Select(b.field(id))
        .getOptions().stream()
            .filter(o -> o.getText().startsWith(text))
            .findFirst()
            .orElseThrow()
            .click();
  }

  private HttpResponse<String> fetch(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(server().application().resolve(path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private int withCookie(String method, String path, String session, String json) throws Exception {
    URI uri = server().application().resolve(path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Cookie", "zengate_session=" + session)
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    return HttpClient.newHttpClient()
        .send(request.build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
