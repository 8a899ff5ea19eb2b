package dev.zengate.gateway.trust;

import static dev.zengate.gateway.trust.Pki.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.gateway.trust.Pki.Cert;
import dev.zengate.gateway.trust.cli.VerifyCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code verify} command's contract: output line and exit code for each outcome. */
class VerifyCommandTest {

  @TempDir static Path dir;

  static Pki pki;
  static OpensslCa ca;
  static Path trust;
  static Path goodChain;
  static Path expiredChain;
  static Path revokedChain;
  static Path deadOcspChain;
  static Path crlFile;

  record Run(int exit, String out, String err) {}

  @BeforeAll
  static void pki() throws Exception {
    pki = new Pki(dir.resolve("pki"));
    Cert root = pki.root("Verify Root");
    Cert issuing = pki.issue(spec("Verify Issuing CA").issuer(root).ca(0));
    Cert good =
        pki.issue(
            spec("partner.example")
                .issuer(issuing)
                .eku(KeyPurposeId.id_kp_serverAuth)
                .dns("partner.example"));
    Instant end = Instant.parse("2026-01-02T00:00:00Z");
    Cert expired =
        pki.issue(
            spec("old.example").issuer(root).validity(Instant.parse("2025-12-01T00:00:00Z"), end));
    Cert revoked = pki.issue(spec("revoked.example").issuer(root));
    Cert deadOcsp =
        pki.issue(spec("dead-ocsp.example").issuer(root).ocsp(LoopbackHttp.deadUrl("/ocsp")));
    trust = pki.bundle("trust.pem", root);
    goodChain = pki.bundle("good-chain.pem", good, issuing);
    expiredChain = pki.bundle("expired.pem", expired);
    revokedChain = pki.bundle("revoked.pem", revoked);
    deadOcspChain = pki.bundle("dead-ocsp.pem", deadOcsp);
    ca = new OpensslCa(root, dir.resolve("ca"));
    ca.valid(good);
    ca.revoke(revoked, Instant.parse("2026-02-03T04:05:06Z"), "cessationOfOperation");
    Instant now = Instant.now();
    crlFile =
        Files.write(
            dir.resolve("root.crl"),
            ca.crl(now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(1))));
  }

  private static Run verify(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        new CommandLine(new VerifyCommand())
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void acceptPrintsThePathAndExitsZero() {
    Run run =
        verify(
            "--trust",
            trust.toString(),
            "--chain",
            goodChain.toString(),
            "--name",
            "partner.example");
    assertEquals(0, run.exit(), run.err());
    assertEquals(
        "ACCEPT: CN=partner.example <- CN=Verify Issuing CA <- CN=Verify Root\n", run.out());
  }

  @Test
  void isASubcommandOfTheGatewayCommand() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        dev.zengate.gateway.cli.GatewayCommand.execute(
            new PrintWriter(out),
            new PrintWriter(err),
            "verify",
            "--trust",
            trust.toString(),
            "--chain",
            expiredChain.toString());
    assertEquals(1, exit, err.toString());
    assertTrue(out.toString().startsWith("REJECT: certificate CN=old.example expired on"));
  }

  @Test
  void rejectPrintsTheReasonAndExitsOne() {
    Run run = verify("--trust", trust.toString(), "--chain", expiredChain.toString());
    assertEquals(1, run.exit());
    assertEquals("REJECT: certificate CN=old.example expired on 2026-01-02T00:00:00Z\n", run.out());
  }

  @Test
  void timeOptionValidatesAtThatTime() {
    Run run =
        verify(
            "--trust",
            trust.toString(),
            "--chain",
            expiredChain.toString(),
            "--time",
            "2025-12-15T09:00:00+09:00");
    // The root was made today, so in 2025 it is the anchor that is not yet valid.
    assertEquals(1, run.exit());
    assertTrue(run.out().startsWith("REJECT: trust anchor CN=Verify Root is not valid before"));
  }

  @Test
  void nameMismatchIsARejection() {
    Run run =
        verify("--trust", trust.toString(), "--chain", goodChain.toString(), "--name", "10.0.0.1");
    assertEquals(1, run.exit());
    assertTrue(run.out().contains("name mismatch"), run.out());
  }

  @Test
  void crlFileRevokesItsIssuersCertificatesOnly() {
    Run revoked =
        verify(
            "--trust",
            trust.toString(),
            "--chain",
            revokedChain.toString(),
            "--crl",
            crlFile.toString());
    assertEquals(1, revoked.exit(), revoked.err());
    assertEquals(
        "REJECT: certificate CN=revoked.example was revoked at 2026-02-03T04:05:06Z"
            + " (cessationOfOperation) according to CRL file of CN=Verify Root\n",
        revoked.out());
    Run good =
        verify(
            "--trust",
            trust.toString(),
            "--chain",
            goodChain.toString(),
            "--revocation",
            "crl",
            "--crl",
            crlFile.toString(),
            "--leaf-only");
    // The leaf is issued by the intermediate, which the root's CRL does not cover.
    assertEquals(1, good.exit(), good.out());
    assertTrue(good.out().contains("names no CRL distribution point"), good.out());
  }

  @Test
  void unreachableResponderRejectsAndSoftFailAcceptsWithAWarning() {
    Run hard =
        verify(
            "--trust",
            trust.toString(),
            "--chain",
            deadOcspChain.toString(),
            "--revocation",
            "ocsp");
    assertEquals(1, hard.exit());
    assertTrue(hard.out().startsWith("REJECT: revocation status of CN=dead-ocsp.example unknown"));
    Run soft =
        verify(
            "--trust",
            trust.toString(),
            "--chain",
            deadOcspChain.toString(),
            "--revocation",
            "ocsp",
            "--soft-fail");
    assertEquals(0, soft.exit(), soft.out());
    assertTrue(soft.out().contains("\n  warning: soft-fail: revocation status of"), soft.out());
  }

  @Test
  void unusableInputExitsTwoWithOneLine() throws Exception {
    Path garbage =
        Files.writeString(
            dir.resolve("garbage.pem"),
            "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    for (String[] args :
        new String[][] {
          {"--trust", trust.toString(), "--chain", garbage.toString()},
          {"--trust", trust.toString(), "--chain", dir.resolve("missing.pem").toString()},
          {"--trust", trust.toString(), "--chain", goodChain.toString(), "--purpose", "email"},
          {"--trust", trust.toString(), "--chain", goodChain.toString(), "--time", "yesterday"},
          {"--trust", trust.toString(), "--chain", goodChain.toString(), "--revocation", "maybe"},
        }) {
      Run run = verify(args);
      assertEquals(2, run.exit(), String.join(" ", args) + ": " + run.out());
      assertEquals("", run.out());
      assertTrue(run.err().startsWith("unusable input: "), run.err());
      assertEquals(1, run.err().lines().count(), run.err());
    }
  }
}
