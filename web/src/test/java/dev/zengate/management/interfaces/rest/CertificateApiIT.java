package dev.zengate.management.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.management.interfaces.rest.ManagementServer.Reply;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Certificates and keys through the REST API against Payara Micro and PostgreSQL: imports in every
 * format, the CSR workflow, sealing at rest, the audited export, and the bad-input corpus — each
 * refused with a problem+json naming the problem, with nothing stored.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CertificateApiIT {

  @Deployment(testable = false)
  static WebArchive builtWar() {
    return Deployments.builtWar();
  }

  @ArquillianResource private URL deployment;

  private static final TestPki.Issued ROOT = TestPki.rootCa("CN=Zengate Test Root,O=Test Bank");
  private static final TestPki.Issued INTERMEDIATE =
      TestPki.issue(
          ROOT,
          "CN=Zengate Test Intermediate,O=Test Bank",
          TestPki.ec(),
          true,
          TestPki.validNow(),
          null);

  private ManagementServer admin() {
    return new ManagementServer(deployment).asAdmin();
  }

  @Test
  void importsLeafKeyAndChainSealsTheKeyAndNeverReturnsIt() throws Exception {
    TestPki.Issued leaf =
        TestPki.issue(
            INTERMEDIATE,
            "CN=gw1.test.example,O=Test Bank",
            TestPki.ec(),
            false,
            TestPki.validNow(),
            "gw1.test.example");

    Reply imported =
        admin()
            .post(
                "api/certificates",
                JsonBody.of(
                    Map.of(
                        "certificates",
                        leaf.certificatePem() + INTERMEDIATE.certificatePem(),
                        "privateKey",
                        leaf.keyPem())));

    assertEquals(201, imported.status(), imported.body());
    JsonObject certificate = imported.json().getJsonObject("certificate");
    assertEquals(
        leaf.certificate().getSubjectX500Principal().getName(), certificate.getString("subject"));
    assertTrue(certificate.getBoolean("hasPrivateKey"));
    assertEquals("EC", certificate.getString("keyAlgorithm"));
    assertEquals(256, certificate.getInt("keySize"));
    assertEquals(
        List.of("DNS:gw1.test.example"),
        certificate
            .getJsonArray("subjectAltNames")
            .getValuesAs(jakarta.json.JsonString::getString));
    assertEquals(2, imported.json().getJsonArray("chain").size());
    long id = certificate.getJsonNumber("id").longValue();

    Reply shown = admin().get("api/certificates/" + id);
    assertEquals(200, shown.status());
    assertFalse(shown.body().contains("PRIVATE"), shown.body());
    String pem = admin().get("api/certificates/" + id + "/pem").body();
    assertEquals(2, pem.split("BEGIN CERTIFICATE").length - 1, "leaf and intermediate");
    assertFalse(pem.contains("PRIVATE"));

    byte[] clearKey = leaf.keys().getPrivate().getEncoded();
    try (Connection db = Deployments.database();
        Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT master_key_id, sealed_key, wrapped_data_key FROM private_key WHERE certificate_id = "
                    + id)) {
      assertTrue(rs.next(), "a private key row");
      assertTrue(rs.getString(1).startsWith("mk-"), "the master key id is recorded");
      byte[] sealed = rs.getBytes(2);
      assertFalse(
          contains(sealed, Arrays.copyOfRange(clearKey, clearKey.length - 32, clearKey.length)),
          "the key is not stored in clear");
    }
  }

  @Test
  void theAttentionSummaryCountsCertificatesByExpiryBandSoonestFirst() throws Exception {
    JsonObject before = admin().get("api/attention").json().getJsonObject("certificates");
    TestPki.Issued ca = TestPki.rootCa("CN=Band CA " + System.nanoTime());
    Instant now = Instant.now();
    String soon = "CN=expires-in-3-days-" + System.nanoTime();
    admin()
        .importWithKey(
            TestPki.issue(
                ca,
                soon,
                TestPki.ec(),
                false,
                new Instant[] {now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(3))},
                "soon.example.jp"));
    admin()
        .importWithKey(
            TestPki.issue(
                ca,
                "CN=expires-in-45-days-" + System.nanoTime(),
                TestPki.ec(),
                false,
                new Instant[] {now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(45))},
                "later.example.jp"));

    JsonObject after = admin().get("api/attention").json().getJsonObject("certificates");
    assertEquals(band(before, "within15") + 1, band(after, "within15"), after.toString());
    assertEquals(band(before, "within60") + 1, band(after, "within60"), after.toString());
    assertEquals(band(before, "within30"), band(after, "within30"));
    assertTrue(
        after.getJsonObject("within15").getJsonArray("first").stream()
            .anyMatch(c -> c.asJsonObject().getString("subject").equals(soon)),
        after.toString());
  }

  private static int band(JsonObject bands, String name) {
    return bands.getJsonObject(name).getInt("count");
  }

  @Test
  void importsPkcs12AndEncryptedPemKeys() throws Exception {
    TestPki.Issued fromP12 =
        TestPki.issue(
            ROOT, "CN=p12.test.example", TestPki.rsa(2048), false, TestPki.validNow(), null);
    Reply p12 =
        admin()
            .post(
                "api/certificates",
                JsonBody.of(
                    Map.of(
                        "pkcs12",
                        TestPki.pkcs12Base64(fromP12, ROOT, "p12-passphrase"),
                        "passphrase",
                        "p12-passphrase")));
    assertEquals(201, p12.status(), p12.body());
    assertEquals("RSA", p12.json().getJsonObject("certificate").getString("keyAlgorithm"));
    assertTrue(p12.json().getJsonObject("certificate").getBoolean("hasPrivateKey"));

    TestPki.Issued encrypted =
        TestPki.issue(
            ROOT, "CN=encrypted.test.example", TestPki.ec(), false, TestPki.validNow(), null);
    Reply pem =
        admin()
            .post(
                "api/certificates",
                JsonBody.of(
                    Map.of(
                        "certificates", encrypted.certificatePem(),
                        "privateKey",
                            TestPki.encryptedKeyPem(
                                encrypted.keys().getPrivate(), "pem-passphrase"),
                        "passphrase", "pem-passphrase")));
    assertEquals(201, pem.status(), pem.body());
  }

  @Test
  void generatesKeyAndCsrThenAttachesTheIssuedCertificateByPublicKey() throws Exception {
    Reply csr =
        admin()
            .post(
                "api/certificates/csr",
                JsonBody.of(
                    Map.of(
                        "keyType", "EC-P256",
                        "subject", "CN=zengin.test.example,O=Test Bank,C=JP",
                        "subjectAltNames", List.of("DNS:zengin.test.example", "IP:192.0.2.10"))));
    assertEquals(201, csr.status(), csr.body());
    String csrPem = csr.json().getString("csr");
    assertTrue(csrPem.startsWith("-----BEGIN CERTIFICATE REQUEST-----"), csrPem);

    X509Certificate issued = TestPki.sign(ROOT, csrPem);
    Reply attached =
        admin()
            .post(
                "api/certificates/issued",
                JsonBody.of(Map.of("certificates", TestPki.pem(issued))));
    assertEquals(201, attached.status(), attached.body());
    JsonObject certificate = attached.json().getJsonObject("certificate");
    assertEquals("CSR", certificate.getString("origin"));
    assertTrue(certificate.getBoolean("hasPrivateKey"));

    TestPki.Issued stranger =
        TestPki.issue(
            ROOT, "CN=stranger.test.example", TestPki.ec(), false, TestPki.validNow(), null);
    Reply refused =
        admin()
            .post(
                "api/certificates/issued",
                JsonBody.of(Map.of("certificates", stranger.certificatePem())));
    assertEquals(422, refused.status(), refused.body());
    assertTrue(refused.detail().contains("matches no pending key"), refused.body());
  }

  @Test
  void adminExportsPkcs12WithPassphraseAndTheExportIsAudited() throws Exception {
    TestPki.Issued leaf =
        TestPki.issue(
            ROOT, "CN=export.test.example", TestPki.ec(), false, TestPki.validNow(), null);
    long id =
        admin()
            .post(
                "api/certificates",
                JsonBody.of(
                    Map.of("certificates", leaf.certificatePem(), "privateKey", leaf.keyPem())))
            .json()
            .getJsonObject("certificate")
            .getJsonNumber("id")
            .longValue();

    Reply export =
        admin()
            .post(
                "api/certificates/" + id + "/export",
                JsonBody.of(Map.of("passphrase", "export-passphrase-1")));

    assertEquals(200, export.status(), export.body());
    KeyStore p12 = KeyStore.getInstance("PKCS12");
    p12.load(new ByteArrayInputStream(export.bytes()), "export-passphrase-1".toCharArray());
    String alias = p12.aliases().nextElement();
    PrivateKey key = (PrivateKey) p12.getKey(alias, "export-passphrase-1".toCharArray());
    assertArrayEquals(leaf.keys().getPrivate().getEncoded(), key.getEncoded());
    assertEquals(
        1,
        Deployments.count(
            "SELECT COUNT(*) FROM audit_event WHERE action = 'key.export' AND object_id = '"
                + id
                + "'"));
  }

  @Test
  void warnsAboutAnExpiredCertificate() throws Exception {
    TestPki.Issued old =
        TestPki.issue(ROOT, "CN=old.test.example", TestPki.ec(), false, TestPki.expired(), null);
    Reply imported =
        admin().post("api/certificates", JsonBody.of(Map.of("certificates", old.certificatePem())));
    assertEquals(201, imported.status(), imported.body());
    assertTrue(
        imported.json().getJsonArray("warnings").toString().contains("expired on"),
        imported.body());
    assertTrue(imported.json().getJsonObject("certificate").getBoolean("expired"));
  }

  @Test
  void refusesBadInputWithAClearProblemAndStoresNothing() throws Exception {
    long certificatesBefore = Deployments.count("SELECT COUNT(*) FROM certificate");
    long keysBefore = Deployments.count("SELECT COUNT(*) FROM private_key");
    long auditBefore =
        Deployments.count("SELECT COUNT(*) FROM audit_event WHERE action <> 'login.failed'");

    TestPki.Issued leaf =
        TestPki.issue(ROOT, "CN=bad.test.example", TestPki.ec(), false, TestPki.validNow(), null);
    TestPki.Issued other =
        TestPki.issue(ROOT, "CN=other.test.example", TestPki.ec(), false, TestPki.validNow(), null);
    byte[] der = leaf.certificate().getEncoded();
    String truncatedDer = Base64.getEncoder().encodeToString(Arrays.copyOf(der, der.length / 2));
    KeyPairGenerator ed = KeyPairGenerator.getInstance("Ed25519");
    KeyPair edKeys = ed.generateKeyPair();
    X509Certificate edLeaf =
        TestPki.certificate(
            "CN=ed25519.test.example",
            edKeys,
            TestPki.issuerName(ROOT),
            ROOT.keys().getPrivate(),
            false,
            TestPki.validNow(),
            null);
    String otherStore =
        admin()
            .post(
                "api/trust-stores",
                JsonBody.of(
                    Map.of(
                        "name",
                        "unrelated-ca",
                        "certificates",
                        TestPki.rootCa("CN=Unrelated Root").certificatePem())))
            .json()
            .getJsonNumber("id")
            .toString();
    certificatesBefore = Deployments.count("SELECT COUNT(*) FROM certificate");
    auditBefore =
        Deployments.count("SELECT COUNT(*) FROM audit_event WHERE action <> 'login.failed'");

    Map<String, Map<String, Object>> corpus = new HashMap<>();
    corpus.put("malformed or truncated", Map.of("certificates", truncatedDer));
    corpus.put("where a certificate was expected", Map.of("certificates", leaf.keyPem()));
    corpus.put("neither PEM nor base64", Map.of("certificates", "this is not a certificate!"));
    corpus.put(
        "wrong passphrase",
        Map.of(
            "certificates",
            leaf.certificatePem(),
            "privateKey",
            TestPki.encryptedKeyPem(leaf.keys().getPrivate(), "right-one"),
            "passphrase",
            "wrong-one"));
    corpus.put(
        "does not match the certificate",
        Map.of("certificates", leaf.certificatePem(), "privateKey", other.keyPem()));
    corpus.put(
        "unsupported key type",
        Map.of(
            "certificates",
            TestPki.pem(edLeaf),
            "privateKey",
            TestPki.pkcs8Pem(edKeys.getPrivate())));
    corpus.put(
        "does not lead to the given trust anchor",
        Map.of("certificates", leaf.certificatePem(), "trustStoreId", Long.parseLong(otherStore)));
    corpus.put(
        "is encrypted: a passphrase is needed",
        Map.of(
            "certificates",
            leaf.certificatePem(),
            "privateKey",
            TestPki.encryptedKeyPem(leaf.keys().getPrivate(), "right-one")));

    for (Map.Entry<String, Map<String, Object>> bad : corpus.entrySet()) {
      Reply reply = admin().post("api/certificates", JsonBody.of(bad.getValue()));
      assertEquals(422, reply.status(), bad.getKey() + ": " + reply.body());
      assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
      assertTrue(
          reply.detail().contains(bad.getKey()),
          "expected '" + bad.getKey() + "' in: " + reply.body());
    }

    Reply wrongP12 =
        admin()
            .post(
                "api/certificates",
                JsonBody.of(
                    Map.of(
                        "pkcs12",
                        TestPki.pkcs12Base64(leaf, ROOT, "right-one"),
                        "passphrase",
                        "wrong-one")));
    assertEquals(422, wrongP12.status(), wrongP12.body());
    assertTrue(wrongP12.detail().contains("wrong passphrase"), wrongP12.body());

    Reply unknownField =
        admin().post("api/certificates", "{\"certificates\":\"x\",\"colour\":\"red\"}");
    assertEquals(400, unknownField.status(), unknownField.body());
    assertTrue(unknownField.body().contains("colour"), unknownField.body());

    Reply notJson = admin().post("api/certificates", "{\"certificates\": ");
    assertEquals(400, notJson.status(), notJson.body());

    Reply tooLarge =
        admin()
            .post(
                "api/certificates",
                JsonBody.of(Map.of("certificates", "A".repeat(2 * 1024 * 1024))));
    assertEquals(413, tooLarge.status(), tooLarge.body());

    assertEquals(
        certificatesBefore,
        Deployments.count("SELECT COUNT(*) FROM certificate"),
        "no certificate stored");
    assertEquals(
        keysBefore, Deployments.count("SELECT COUNT(*) FROM private_key"), "no key stored");
    assertEquals(
        auditBefore,
        Deployments.count("SELECT COUNT(*) FROM audit_event WHERE action <> 'login.failed'"),
        "nothing audited as done");
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
