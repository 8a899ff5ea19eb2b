package dev.zengate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.gateway.testsupport.TestPki;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code check --config} on legacy bridging (F14): TLS 1.0/1.1 only where a listener says it faces
 * the internal network, never towards a target, and only with suites old clients can use.
 */
class LegacyVersionsConfigTest {

  @TempDir static Path dir;

  @BeforeAll
  static void makePki() throws Exception {
    TestPki pki = new TestPki(dir.resolve("pki"));
    TestPki.Issued ca = pki.rootCa("ca");
    pki.server(ca, "ec", TestPki.KeyType.EC_P256, List.of("localhost"), List.of());
    pki.server(ca, "rsa", TestPki.KeyType.RSA_2048, List.of("localhost"), List.of());
  }

  record Result(int exit, String out, String err) {}

  static Result check(String provider, String listeners) throws Exception {
    Path file = Files.createTempFile(dir, "legacy", ".yaml");
    Files.writeString(
        file,
        """
        node:
          name: test-node
          tlsProvider: %s
        certificates:
          ec: {chain: pki/ec-chain.crt, key: pki/ec.key}
          rsa: {chain: pki/rsa-chain.crt, key: pki/rsa.key}
        trust:
          cas:
            caFiles: [pki/ca.crt]
        listeners:
          - name: modern
            mode: server
            bind: 127.0.0.1:40001
            target: 127.0.0.1:5020
            downstreamTls:
              certificate: ec
        """
                .formatted(provider)
            + listeners);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        GatewayCommand.execute(
            new PrintWriter(out), new PrintWriter(err), "check", "--config", file.toString());
    return new Result(exit, out.toString(), err.toString().trim());
  }

  static String server(String tls) {
    return """
          - name: old-clients
            mode: server
            bind: 127.0.0.1:40002
            target: 127.0.0.1:5021
            downstreamTls:
        """
        + tls;
  }

  @ParameterizedTest
  @ValueSource(strings = {"TLSv1", "TLSv1.1"})
  void legacyVersionOnAListenerNotMarkedInternalIsRefusedSayingWhy(String version)
      throws Exception {
    Result r =
        check(
            "openssl",
            server("      certificate: ec\n      protocols: [TLSv1.2, %s]\n".formatted(version)));
    assertEquals(2, r.exit(), r.out());
    assertTrue(
        r.err()
            .endsWith(
                "listeners[1].downstreamTls.protocols: "
                    + version
                    + " is a legacy version, allowed only on an internal-facing side"
                    + " (internal: true)"),
        r.err());
  }

  @Test
  void internalFalseIsTheSameAsAbsent() throws Exception {
    Result r =
        check(
            "openssl",
            server("      certificate: ec\n      internal: false\n      protocols: [TLSv1]\n"));
    assertEquals(2, r.exit(), r.out());
    assertTrue(r.err().contains("TLSv1 is a legacy version"), r.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"openssl", "jdk"})
  void internalListenerMayEnableLegacyVersionsWithTheDefaultSuites(String provider)
      throws Exception {
    Result r =
        check(
            provider,
            server(
                "      certificate: rsa\n      internal: true\n"
                    + "      protocols: [TLSv1, TLSv1.1, TLSv1.2]\n"));
    assertEquals(0, r.exit(), r.err());
  }

  @Test
  void legacyVersionTowardsATargetIsAlwaysRefused() throws Exception {
    Result r =
        check(
            "openssl",
            """
              - name: outbound
                mode: client
                bind: 127.0.0.1:40003
                target: 127.0.0.1:5022
                upstreamTls:
                  trust: cas
                  protocols: [TLSv1.1, TLSv1.2]
            """);
    assertEquals(2, r.exit(), r.out());
    assertTrue(
        r.err()
            .endsWith(
                "listeners[1].upstreamTls.protocols: TLSv1.1 is a legacy version, never allowed"
                    + " towards the target: the gateway speaks TLS 1.2+ outside"),
        r.err());
  }

  @Test
  void internalIsNotAFieldOfTheUpstreamSide() throws Exception {
    Result r =
        check(
            "openssl",
            """
              - name: outbound
                mode: client
                bind: 127.0.0.1:40003
                target: 127.0.0.1:5022
                upstreamTls:
                  trust: cas
                  internal: true
                  protocols: [TLSv1]
            """);
    assertEquals(2, r.exit(), r.out());
    assertTrue(r.err().contains("unknown field 'internal'"), r.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"openssl", "jdk"})
  void legacyVersionsWithOnlyTls12SuitesAreRefusedNamingASuiteThatWorks(String provider)
      throws Exception {
    Result r =
        check(
            provider,
            server(
                "      certificate: ec\n      internal: true\n      protocols: [TLSv1, TLSv1.2]\n"
                    + "      cipherSuites: [ECDHE-ECDSA-AES128-GCM-SHA256]\n"));
    assertEquals(2, r.exit(), r.out());
    assertTrue(
        r.err()
            .contains(
                "listeners[1].downstreamTls.cipherSuites: [TLSv1] enabled, but none of the cipher"
                    + " suites [ECDHE-ECDSA-AES128-GCM-SHA256] can be used over it with EC key"),
        r.err());
    assertTrue(r.err().endsWith("add a CBC suite such as ECDHE-ECDSA-AES128-SHA"), r.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"openssl", "jdk"})
  void configuredLegacySuitesAreAcceptedOnAnInternalListener(String provider) throws Exception {
    Result r =
        check(
            provider,
            server(
                "      certificate: rsa\n      internal: true\n      protocols: [TLSv1]\n"
                    + "      cipherSuites: [ECDHE-RSA-AES128-SHA, AES128-SHA]\n"));
    assertEquals(0, r.exit(), r.err());
  }
}
