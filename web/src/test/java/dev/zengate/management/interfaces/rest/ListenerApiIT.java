package dev.zengate.management.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.management.interfaces.rest.ManagementServer.Reply;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
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
 * Virtual servers and clients as central IT configures them: the manual's example (5020 behind
 * 55020), and every rule checked before anything is stored.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ListenerApiIT {

  @Deployment(testable = false)
  static WebArchive builtWar() {
    return Deployments.builtWar();
  }

  @ArquillianResource private URL deployment;

  private ManagementServer admin;
  private long pairId;
  private long ecCertificateId;
  private long certificateWithoutKeyId;
  private long trustStoreId;

  @BeforeEach
  void pairCertificateAndTrust() throws Exception {
    admin = new ManagementServer(deployment).asAdmin();
    pairId = id(admin.post("api/pairs", JsonBody.of(Map.of("name", "pair-" + System.nanoTime()))));
    TestPki.Issued ca = TestPki.rootCa("CN=Listener Test CA " + System.nanoTime());
    TestPki.Issued leaf =
        TestPki.issue(
            ca, "CN=gw.test.example", TestPki.ec(), false, TestPki.validNow(), "gw.test.example");
    ecCertificateId =
        admin
            .post(
                "api/certificates",
                JsonBody.of(
                    Map.of("certificates", leaf.certificatePem(), "privateKey", leaf.keyPem())))
            .json()
            .getJsonObject("certificate")
            .getJsonNumber("id")
            .longValue();
    TestPki.Issued partner =
        TestPki.issue(ca, "CN=partner.test.example", TestPki.ec(), false, TestPki.validNow(), null);
    certificateWithoutKeyId =
        admin
            .post("api/certificates", JsonBody.of(Map.of("certificates", partner.certificatePem())))
            .json()
            .getJsonObject("certificate")
            .getJsonNumber("id")
            .longValue();
    trustStoreId =
        id(
            admin.post(
                "api/trust-stores",
                JsonBody.of(
                    Map.of(
                        "name",
                        "partners-" + System.nanoTime(),
                        "certificates",
                        ca.certificatePem()))));
  }

  private Map<String, Object> zenginServer() {
    Map<String, Object> server = new HashMap<>();
    server.put("pairId", pairId);
    server.put("name", "zengin-inbound");
    server.put("bindAddress", "192.0.2.10");
    server.put("bindPort", 55020);
    server.put("targetAddress", "10.1.1.20");
    server.put("targetPort", 5020);
    server.put("certificateId", ecCertificateId);
    server.put("clientAuth", "REQUIRED");
    server.put("clientTrustStoreId", trustStoreId);
    server.put(
        "cipherSuites", List.of("ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384"));
    return server;
  }

  @Test
  void staplingNeedsACertificateThatNamesAResponderAndItsIssuer() throws Exception {
    Map<String, Object> server = zenginServer();
    server.put("ocspStapling", true);
    Reply refused = admin.post("api/virtual-servers", JsonBody.of(server));
    assertEquals(422, refused.status(), refused.body());
    assertTrue(refused.detail().contains("names no OCSP responder (AIA)"), refused.body());

    TestPki.Issued ca = TestPki.rootCa("CN=Stapling Test CA " + System.nanoTime());
    TestPki.Issued leaf =
        TestPki.issueWithOcspResponder(ca, "CN=stapled.test.example", "http://127.0.0.1:9/ocsp");
    long withResponder =
        admin
            .post(
                "api/certificates",
                JsonBody.of(
                    Map.of(
                        "certificates",
                        leaf.certificatePem() + ca.certificatePem(),
                        "privateKey",
                        leaf.keyPem())))
            .json()
            .getJsonObject("certificate")
            .getJsonNumber("id")
            .longValue();
    server.put("certificateId", withResponder);
    server.put("cipherSuites", List.of("ECDHE-ECDSA-AES128-GCM-SHA256"));
    Reply created = admin.post("api/virtual-servers", JsonBody.of(server));
    assertEquals(201, created.status(), created.body());
    assertTrue(created.json().getBoolean("ocspStapling"), created.body());
  }

  @Test
  void aCertificateShowsWhereItIsUsedAndCannotBeDeletedWhileUsed() throws Exception {
    Reply server = admin.post("api/virtual-servers", JsonBody.of(zenginServer()));
    assertEquals(201, server.status(), server.body());

    Reply usage = admin.get("api/certificates/" + ecCertificateId + "/usage");
    assertEquals(200, usage.status(), usage.body());
    JsonObject use = usage.jsonArray().getJsonObject(0);
    assertEquals("virtual-server", use.getString("kind"));
    assertEquals("zengin-inbound", use.getString("name"));
    assertEquals("server", use.getString("role"));
    assertEquals(pairId, use.getJsonNumber("pairId").longValue());
    Reply issuerUsage = admin.get("api/certificates/" + certificateWithoutKeyId + "/usage");
    assertEquals(0, issuerUsage.jsonArray().size(), issuerUsage.body());

    Reply delete = admin.delete("api/certificates/" + ecCertificateId, null);
    assertEquals(409, delete.status(), delete.body());
    assertTrue(delete.body().contains("virtual-server zengin-inbound of pair"), delete.body());
    assertEquals(200, admin.get("api/certificates/" + ecCertificateId).status(), "still stored");
  }

  @Test
  void configuresTheManualsExampleServerAndClient() throws Exception {
    Reply server = admin.post("api/virtual-servers", JsonBody.of(zenginServer()));
    assertEquals(201, server.status(), server.body());
    JsonObject created = server.json();
    assertEquals(55020, created.getInt("bindPort"));
    assertEquals("REQUIRED", created.getString("clientAuth"));
    assertEquals(
        List.of("TLSv1.2", "TLSv1.3"),
        created.getJsonArray("protocols").getValuesAs(jakarta.json.JsonString::getString));
    assertFalse(created.getBoolean("ocspStapling"), "stapling is off unless asked for");

    Map<String, Object> client = new HashMap<>();
    client.put("pairId", pairId);
    client.put("name", "zengin-outbound");
    client.put("listenAddress", "10.1.1.1");
    client.put("listenPort", 5020);
    client.put("targetHost", "203.0.113.50");
    client.put("targetPort", 55020);
    client.put("trustStoreId", trustStoreId);
    client.put("clientCertificateId", ecCertificateId);
    client.put("sourceAddress", "192.0.2.10");
    Reply outbound = admin.post("api/virtual-clients", JsonBody.of(client));
    assertEquals(201, outbound.status(), outbound.body());
    assertEquals(
        "203.0.113.50", outbound.json().getString("verifyName"), "the IP is verified by default");

    String etag = admin.get("api/virtual-servers/" + id(server)).etag();
    Map<String, Object> changed = zenginServer();
    changed.put("targetPort", 5021);
    Reply updated = admin.put("api/virtual-servers/" + id(server), JsonBody.of(changed), etag);
    assertEquals(200, updated.status(), updated.body());
    assertEquals(
        412, admin.put("api/virtual-servers/" + id(server), JsonBody.of(changed), etag).status());
  }

  @Test
  void refusesInvalidListenersAndStoresNone() throws Exception {
    long before = Deployments.count("SELECT COUNT(*) FROM virtual_server");
    Map<String, Map.Entry<String, Object>> corpus = new HashMap<>();
    corpus.put(
        "can be used with the certificate's ECDSA key",
        Map.entry("cipherSuites", List.of("ECDHE-RSA-AES128-GCM-SHA256", "AES256-SHA")));
    corpus.put(
        "cipher suite 'ECDHE-ECDSA-AES128-GCM-SHA999' is unknown",
        Map.entry("cipherSuites", List.of("ECDHE-ECDSA-AES128-GCM-SHA999")));
    corpus.put("bind port 70000 is out of range 1-65535", Map.entry("bindPort", 70000));
    corpus.put(
        "bind address 'gateway.example' is not an IP address",
        Map.entry("bindAddress", "gateway.example"));
    corpus.put("has no private key here", Map.entry("certificateId", certificateWithoutKeyId));
    corpus.put("needs a client trust store", Map.entry("clientTrustStoreId", ""));
    corpus.put("protocol 'TLSv1' is not allowed here", Map.entry("protocols", List.of("TLSv1")));

    for (Map.Entry<String, Map.Entry<String, Object>> bad : corpus.entrySet()) {
      Map<String, Object> server = zenginServer();
      if ("".equals(bad.getValue().getValue())) {
        server.remove(bad.getValue().getKey());
      } else {
        server.put(bad.getValue().getKey(), bad.getValue().getValue());
      }
      Reply reply = admin.post("api/virtual-servers", JsonBody.of(server));
      assertEquals(422, reply.status(), bad.getKey() + ": " + reply.body());
      assertTrue(
          reply.detail().contains(bad.getKey()),
          "expected '" + bad.getKey() + "' in " + reply.body());
      assertEquals(
          bad.getValue().getKey(), reply.json().getString("field", null), "field: " + reply.body());
    }

    Map<String, Object> badPort = zenginServer();
    badPort.put("bindPort", 70000);
    Reply inJapanese =
        admin.send(
            "POST", "api/virtual-servers", JsonBody.of(badPort), Map.of("Accept-Language", "ja"));
    assertEquals(422, inJapanese.status(), inJapanese.body());
    assertEquals("待ち受けポート 70000 は範囲外です（1～65535）", inJapanese.detail());
    assertEquals("bindPort", inJapanese.json().getString("field"));

    Map<String, Object> unknownCertificate = zenginServer();
    unknownCertificate.put("certificateId", 999_999);
    assertEquals(404, admin.post("api/virtual-servers", JsonBody.of(unknownCertificate)).status());

    Map<String, Object> badEnum = zenginServer();
    badEnum.put("clientAuth", "SOMETIMES");
    assertEquals(400, admin.post("api/virtual-servers", JsonBody.of(badEnum)).status());

    assertEquals(
        before, Deployments.count("SELECT COUNT(*) FROM virtual_server"), "nothing stored");

    assertEquals(201, admin.post("api/virtual-servers", JsonBody.of(zenginServer())).status());
    Map<String, Object> sameAddress = zenginServer();
    sameAddress.put("name", "another-name");
    Reply clash = admin.post("api/virtual-servers", JsonBody.of(sameAddress));
    assertEquals(409, clash.status(), clash.body());
    assertTrue(clash.detail().contains("already listens on 192.0.2.10:55020"), clash.body());
  }

  @Test
  void choosesClientCertificatesByDestinationAndSourceRules() throws Exception {
    Map<String, Object> client = new HashMap<>();
    client.put("pairId", pairId);
    client.put("name", "by-partner");
    client.put("listenAddress", "10.1.1.1");
    client.put("listenPort", 5021);
    client.put("targetHost", "203.0.113.50");
    client.put("targetPort", 55020);
    client.put("trustStoreId", trustStoreId);
    client.put(
        "clientCertificateRules",
        List.of(
            Map.of(
                "destination", "203.0.113.0/24", "source", "any", "certificateId", ecCertificateId),
            Map.of("destination", "any", "source", "10.1.1.20", "certificateId", ecCertificateId)));
    Reply created = admin.post("api/virtual-clients", JsonBody.of(client));
    assertEquals(201, created.status(), created.body());
    assertEquals(2, created.json().getJsonArray("clientCertificateRules").size());
    assertEquals(
        "203.0.113.0/24",
        created
            .json()
            .getJsonArray("clientCertificateRules")
            .getJsonObject(0)
            .getString("destination"));

    Map<String, Object> bothAny = new HashMap<>(client);
    bothAny.put("name", "both-any");
    bothAny.put("listenPort", 5022);
    bothAny.put(
        "clientCertificateRules",
        List.of(Map.of("destination", "any", "source", "any", "certificateId", ecCertificateId)));
    Reply refused = admin.post("api/virtual-clients", JsonBody.of(bothAny));
    assertEquals(422, refused.status(), refused.body());
    assertTrue(
        refused.detail().contains("both destination and source 'any' is refused"), refused.body());

    bothAny.put(
        "clientCertificateRules",
        List.of(
            Map.of(
                "destination",
                "203.0.113.0/33",
                "source",
                "any",
                "certificateId",
                ecCertificateId)));
    Reply badPrefix = admin.post("api/virtual-clients", JsonBody.of(bothAny));
    assertEquals(422, badPrefix.status(), badPrefix.body());
    assertTrue(badPrefix.detail().contains("prefix length outside 0-32"), badPrefix.body());

    bothAny.put(
        "clientCertificateRules",
        List.of(
            Map.of(
                "destination",
                "203.0.113.7",
                "source",
                "any",
                "certificateId",
                certificateWithoutKeyId)));
    Reply noKey = admin.post("api/virtual-clients", JsonBody.of(bothAny));
    assertEquals(422, noKey.status(), noKey.body());
    assertTrue(noKey.detail().contains("has no private key here"), noKey.body());
  }

  private static long id(Reply reply) {
    return reply.json().getJsonNumber("id").longValue();
  }
}
