package dev.zengate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.gateway.testsupport.TestPki;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --config}: accepted configurations, and one clear line for each kind of mistake. */
class CheckCommandTest {

  @TempDir static Path dir;
  static TestPki pki;

  @BeforeAll
  static void makePki() throws Exception {
    pki = new TestPki(dir.resolve("pki"));
    TestPki.Issued ca = pki.rootCa("check-ca");
    pki.server(
        ca, "server", TestPki.KeyType.EC_P256, java.util.List.of("localhost"), java.util.List.of());
    Files.writeString(
        dir.resolve("pki/garbage.crt"),
        "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");
  }

  record Result(int exit, String out, String err) {}

  static Result check(Path file) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        GatewayCommand.execute(
            new PrintWriter(out), new PrintWriter(err), "check", "--config", file.toString());
    return new Result(exit, out.toString(), err.toString().trim());
  }

  static Path write(String name, String yaml) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, yaml);
    return file;
  }

  static final String HEAD =
      """
      node:
        name: test-node
      certificates:
        srv:
          chain: pki/server-chain.crt
          key: pki/server.key
      trust:
        cas:
          caFiles: [pki/check-ca.crt]
      listeners:
      """;

  static final String GOOD_LISTENER =
      """
        - name: a
          mode: server
          bind: 127.0.0.1:40001
          target: 127.0.0.1:5020
          downstreamTls:
            certificate: srv
      """;

  @Test
  void validConfigurationPrintsWhatItServesAndExitsZero() throws Exception {
    Result r = check(write("good.yaml", HEAD + GOOD_LISTENER));
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("configuration OK: node test-node"), r.out());
    assertTrue(r.out().contains("127.0.0.1:40001 -> 127.0.0.1:5020"), r.out());
  }

  @Test
  void missingFileIsReported() {
    Path missing = dir.resolve("nope.yaml");
    Result r = check(missing);
    assertEquals(2, r.exit());
    assertEquals(missing + ": file not found", r.err());
  }

  @Test
  void malformedYamlIsReportedWithLineAndColumn() throws Exception {
    Path file = write("malformed.yaml", "node:\n  name: [unclosed\nlisteners: {\n");
    Result r = check(file);
    assertEquals(2, r.exit());
    assertTrue(
        r.err().matches(java.util.regex.Pattern.quote(file.toString()) + ":\\d+:\\d+: .+"),
        r.err());
    assertEquals(1, r.err().lines().count());
  }

  @Test
  void unknownFieldIsReportedWithPositionAndPath() throws Exception {
    Path file = write("unknown.yaml", HEAD + GOOD_LISTENER + "    colour: blue\n");
    Result r = check(file);
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith(file + ":17:5:"), r.err());
    assertTrue(r.err().contains("listeners[0].colour: unknown field 'colour'"), r.err());
  }

  @Test
  void portOutOfRangeIsReportedWithFieldPath() throws Exception {
    Path file =
        write(
            "port.yaml",
            HEAD
                + GOOD_LISTENER
                + GOOD_LISTENER.replace("name: a", "name: b").replace("40001", "70000"));
    Result r = check(file);
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith(file + ":19:5:"), r.err());
    assertTrue(r.err().endsWith("listeners[1].bind: port 70000 out of range 1-65535"), r.err());
  }

  @Test
  void duplicateListenerNameIsRejected() throws Exception {
    Path file =
        write("dupname.yaml", HEAD + GOOD_LISTENER + GOOD_LISTENER.replace("40001", "40002"));
    Result r = check(file);
    assertEquals(2, r.exit());
    assertEquals(
        file + ":17:5: listeners[1].name: duplicate listener name 'a' (also listeners[0])",
        r.err());
  }

  @Test
  void duplicateBindAddressIsRejected() throws Exception {
    Path file =
        write("dupbind.yaml", HEAD + GOOD_LISTENER + GOOD_LISTENER.replace("name: a", "name: b"));
    Result r = check(file);
    assertEquals(2, r.exit());
    assertEquals(
        file
            + ":19:5: listeners[1].bind: duplicate bind address 127.0.0.1:40001 (also listeners[0])",
        r.err());
  }

  @Test
  void unknownCertificateReferenceIsRejected() throws Exception {
    Path file =
        write(
            "unknowncert.yaml",
            HEAD + GOOD_LISTENER.replace("certificate: srv", "certificate: other"));
    Result r = check(file);
    assertEquals(2, r.exit());
    assertTrue(
        r.err()
            .contains(":16:7: listeners[0].downstreamTls.certificate: unknown certificate 'other'"),
        r.err());
  }

  static final String CLIENT_LISTENER =
      """
        - name: c
          mode: client
          bind: 127.0.0.1:40005
          target: 127.0.0.1:55020
          upstreamTls:
            trust: cas
      """;

  @Test
  void nameServerThatIsNotAnAddressIsRejected() throws Exception {
    Path file =
        write(
            "dns.yaml",
            HEAD.replace("  name: test-node\n", "  name: test-node\n  dnsServers: [dns.example]\n")
                + GOOD_LISTENER);
    Result r = check(file);
    assertEquals(2, r.exit());
    assertTrue(
        r.err()
            .endsWith(
                "node.dnsServers[0]: DNS server 'dns.example' is not an IP address (name servers"
                    + " are given"
                    + " as IP[:PORT])"),
        r.err());
  }

  @Test
  void badClientCertificateRulesAreRejectedNamingTheRule() throws Exception {
    Result bothAny =
        check(
            write(
                "rule-any.yaml",
                HEAD
                    + CLIENT_LISTENER
                    + "      certificateRules: [{destination: any, source: any, certificate: srv}]\n"));
    assertEquals(2, bothAny.exit());
    assertTrue(
        bothAny
            .err()
            .endsWith(
                "listeners[0].upstreamTls.certificateRules[0]: client certificate rule for 'srv':"
                    + " destination and source cannot both be 'any'"),
        bothAny.err());

    Result notAnAddress =
        check(
            write(
                "rule-name.yaml",
                HEAD
                    + CLIENT_LISTENER
                    + "      certificateRules: [{destination: bank.example, certificate: srv}]\n"));
    assertEquals(2, notAnAddress.exit());
    assertTrue(
        notAnAddress
            .err()
            .endsWith(
                "listeners[0].upstreamTls.certificateRules[0]: not an IP address or CIDR range:"
                    + " 'bank.example'"),
        notAnAddress.err());

    Result unknown =
        check(
            write(
                "rule-cert.yaml",
                HEAD
                    + CLIENT_LISTENER
                    + "      certificateRules: [{source: 10.0.0.0/8, certificate: nope}]\n"));
    assertEquals(2, unknown.exit());
    assertTrue(
        unknown
            .err()
            .contains(
                "listeners[0].upstreamTls.certificateRules[0].certificate: unknown certificate"
                    + " 'nope'"),
        unknown.err());

    Result both =
        check(
            write(
                "rule-both.yaml",
                HEAD
                    + CLIENT_LISTENER
                    + "      certificate: srv\n      automaticCertificate: true\n"));
    assertEquals(2, both.exit());
    assertTrue(both.err().contains("listeners[0].upstreamTls.automaticCertificate:"), both.err());
  }

  @Test
  void unknownTrustSetReferenceIsRejected() throws Exception {
    Path file =
        write(
            "unknowntrust.yaml",
            HEAD + GOOD_LISTENER + "      clientAuth: required\n      clientTrust: partners\n");
    Result r = check(file);
    assertEquals(2, r.exit());
    assertTrue(
        r.err().contains("listeners[0].downstreamTls.clientTrust: unknown trust set 'partners'"),
        r.err());
  }

  @Test
  void unreadableCertificateFileIsRejectedNamingTheFile() throws Exception {
    Path file =
        write(
            "badcert.yaml",
            HEAD.replace("pki/server-chain.crt", "pki/garbage.crt") + GOOD_LISTENER);
    Result r = check(file);
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith(file + ":5:5: certificates.srv.chain: "), r.err());
    assertTrue(r.err().contains("garbage.crt: not a valid certificate file"), r.err());
  }

  @Test
  void missingKeyFileIsRejectedNamingTheFile() throws Exception {
    Path file =
        write("nokey.yaml", HEAD.replace("pki/server.key", "pki/missing.key") + GOOD_LISTENER);
    Result r = check(file);
    assertEquals(2, r.exit());
    assertTrue(
        r.err()
            .contains(
                "certificates.srv.key: " + dir.resolve("pki/missing.key") + ": file not found"),
        r.err());
  }

  @Test
  void unknownCipherSuiteIsRejectedNamingTheSuite() throws Exception {
    Path file =
        write(
            "cipher.yaml",
            HEAD
                + GOOD_LISTENER
                + "      cipherSuites: [ECDHE-ECDSA-AES128-GCM-SHA256, FANCY-CIPHER]\n");
    Result r = check(file);
    assertEquals(2, r.exit());
    assertTrue(
        r.err()
            .contains(
                "listeners[0].downstreamTls.cipherSuites: unknown cipher suite 'FANCY-CIPHER'"),
        r.err());
  }

  @Test
  void cipherSuitesUnusableWithTheKeyAreRejected() throws Exception {
    Path file =
        write(
            "rsa-suites.yaml",
            HEAD
                + GOOD_LISTENER
                + "      protocols: [TLSv1.2]\n      cipherSuites: [ECDHE-RSA-AES128-GCM-SHA256]\n");
    Result r = check(file);
    assertEquals(2, r.exit());
    assertTrue(
        r.err()
            .contains(
                "none of the cipher suites [ECDHE-RSA-AES128-GCM-SHA256] can be used with EC key"),
        r.err());
  }

  @Test
  void unknownEnumValueListsTheAllowedOnes() throws Exception {
    Path file = write("mode.yaml", HEAD + GOOD_LISTENER.replace("mode: server", "mode: proxy"));
    Result r = check(file);
    assertEquals(2, r.exit());
    assertTrue(
        r.err()
            .contains(
                "listeners[0].mode: invalid value 'proxy' (expected one of: server, client, tls-to-tls)"),
        r.err());
  }

  @Test
  void badRevocationUrlIsReportedWithPositionAndPath() throws Exception {
    Path file =
        write(
            "revocation-url.yaml",
            HEAD
                + GOOD_LISTENER
                + "      clientAuth: required\n      clientTrust: cas\n"
                + "      clientRevocation:\n        mode: ocsp\n"
                + "        ocspUrl: ldap://ocsp.example/\n");
    Result r = check(file);
    assertEquals(2, r.exit());
    assertTrue(
        r.err()
            .startsWith(
                file
                    + ":21:9: listeners[0].downstreamTls.clientRevocation.ocspUrl:"
                    + " 'ldap://ocsp.example/' is not an http:// or https:// URL"),
        r.err());
  }

  @Test
  void revocationProxyMustBeAnHttpProxyAddress() throws Exception {
    Path file =
        write(
            "revocation-proxy.yaml",
            HEAD.replace("  name: test-node\n", "  name: test-node\n  httpProxy: proxy.example\n")
                + GOOD_LISTENER);
    Result r = check(file);
    assertEquals(2, r.exit());
    assertTrue(
        r.err().contains(":3:3: node.httpProxy: HTTP proxy 'proxy.example' must look like"),
        r.err());
  }

  @Test
  void referenceExampleIsAccepted() throws Exception {
    Path root = Path.of(System.getProperty("user.dir")).getParent();
    Path copy = dir.resolve("reference/gateway-reference.yaml");
    Files.createDirectories(copy.getParent());
    Files.copy(root.resolve("examples/gateway-reference.yaml"), copy);
    TestPki refPki = new TestPki(copy.getParent().resolve("pki"));
    TestPki.Issued partnerRoot = refPki.rootCa("partner-root");
    TestPki.Issued bankRoot = refPki.rootCa("bank-root");
    refPki.server(
        partnerRoot,
        "server",
        TestPki.KeyType.EC_P256,
        java.util.List.of("gw.example"),
        java.util.List.of());
    TestPki.Issued client = refPki.client(bankRoot, "client");
    KeyStore p12 = KeyStore.getInstance("PKCS12");
    p12.load(null, null);
    p12.setKeyEntry(
        "client",
        client.key(),
        "changeit".toCharArray(),
        client.chain().toArray(X509Certificate[]::new));
    try (OutputStream out = Files.newOutputStream(copy.getParent().resolve("pki/client.p12"))) {
      p12.store(out, "changeit".toCharArray());
    }
    Files.writeString(copy.getParent().resolve("pair.secret"), "a-random-pair-secret-0123\n");
    Result r = check(copy);
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("zengin-outbound"), r.out());
    assertTrue(r.out().contains("pair zengin-pair-1: heartbeat 10.0.50.1:55112"), r.out());
    assertTrue(r.out().contains("revocation=ocsp,hard-fail]"), r.out());
    assertTrue(r.out().contains("revocation=crl,hard-fail,leaf-only]"), r.out());
  }

  @Test
  void demoPairExamplesAreAccepted() throws Exception {
    Path root = Path.of(System.getProperty("user.dir")).getParent();
    Path examples = Files.createDirectories(dir.resolve("demo/examples"));
    TestPki demo = new TestPki(dir.resolve("demo/var/demo-pki"));
    TestPki.Issued ca = demo.rootCa("ca");
    demo.server(
        ca,
        "server",
        TestPki.KeyType.EC_P256,
        java.util.List.of("localhost"),
        java.util.List.of("127.0.0.1", "127.0.0.2"));
    for (String name : new String[] {"gateway-node-a.yaml", "gateway-node-b.yaml"}) {
      Files.copy(root.resolve("examples/" + name), examples.resolve(name));
      Result r = check(examples.resolve(name));
      assertEquals(0, r.exit(), r.err());
      assertTrue(r.out().contains("zengin-demo"), r.out());
      assertTrue(r.out().contains("pair zengin-demo-pair: heartbeat 127.0.0."), r.out());
    }
  }

  static final String PAIR =
      """
      pair:
        id: zengin-pair
        listen: 127.0.0.1:55112
        peer: 127.0.0.2:55112
        priority: 200
        secret: a-shared-pair-secret-of-some-length
      """;

  @Test
  void pairSectionIsPrintedWithItsEffectiveDeadInterval() throws Exception {
    Result r = check(write("pair.yaml", HEAD + GOOD_LISTENER + PAIR));
    assertEquals(0, r.exit(), r.err());
    // 3 x 200ms + (256 - 200) x 200ms / 256 = 643ms, as VRRPv3 computes its master-down interval.
    assertTrue(
        r.out()
            .contains(
                "pair zengin-pair: heartbeat 127.0.0.1:55112 <-> 127.0.0.2:55112, priority 200,"
                    + " preempt true, advert 200ms, dead 643ms, tie-break address,"
                    + " HMAC-authenticated, backup refuses connections"),
        r.out());
  }

  @Test
  void pairMistakesNameTheirField() throws Exception {
    String[][] cases = {
      {"priority: 200", "priority: 255", "pair.priority: must be 1-254"},
      {"priority: 200", "priority: 200\n  deadInterval: 300ms", "pair.deadInterval: must be at"},
      {"peer: 127.0.0.2:55112", "peer: 127.0.0.1:55112", "pair.peer: is the same as pair.listen"},
      {"peer: 127.0.0.2:55112", "peer: node-b:55112", "pair.peer: 'node-b' is not an IP address"},
      {"listen: 127.0.0.1:55112", "listen: 0.0.0.0:55112", "pair.listen: give the member's own"},
      {"secret: a-shared-pair-secret-of-some-length", "secret: short", "pair.secret: at least 16"},
      {
        "secret: a-shared-pair-secret-of-some-length",
        "secretFile: missing.secret",
        "missing.secret: file not found" // in words, not java.nio.file.NoSuchFileException
      },
      {"  id: zengin-pair\n", "", "pair.id: a pair id is required"},
      {"priority: 200", "priority: 200\n  tieBreak: age", "pair.tieBreak: invalid value 'age'"},
    };
    for (String[] c : cases) {
      String yaml = HEAD + GOOD_LISTENER + PAIR.replace(c[0], c[1]);
      Result r = check(write("pair-bad.yaml", yaml));
      assertEquals(2, r.exit(), c[1] + ": " + r.out());
      assertTrue(r.err().contains(c[2]), c[1] + " -> " + r.err());
      assertEquals(1, r.err().lines().count(), r.err());
    }
  }
}
