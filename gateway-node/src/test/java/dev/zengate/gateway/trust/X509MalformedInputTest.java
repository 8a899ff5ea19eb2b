package dev.zengate.gateway.trust;

import static dev.zengate.gateway.trust.Pki.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.gateway.trust.Pki.Cert;
import dev.zengate.gateway.trust.cli.VerifyCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Malformed certificates a peer may send are a REJECT naming the rule (exit 1), never "unusable
 * input" (exit 2): the operator asks why a partner was refused, and this is why.
 */
class X509MalformedInputTest {

  @TempDir static Path dir;
  static Pki pki;
  static Cert root;
  static Path trust;

  @BeforeAll
  static void pki() throws Exception {
    pki = new Pki(dir);
    root = pki.root("Malformed Root");
    trust = pki.bundle("malformed-trust.pem", root);
  }

  private static String verifyRejects(Path chain) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        new CommandLine(new VerifyCommand())
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute("--trust", trust.toString(), "--chain", chain.toString());
    assertEquals(VerifyCommand.REJECT, exit, () -> out + " / " + err);
    StrictCases.recordFiles("reject", Purpose.SERVER, trust, chain);
    return out.toString();
  }

  private static void assertNamesRule(String out, String rule) {
    assertTrue(out.startsWith("REJECT: "), out);
    assertTrue(out.contains("(rule " + rule + ", RFC 5280"), out);
  }

  @Test
  void emptyIssuerIsRejectedWithAReason() throws Exception {
    Path chain = pki.issueRaw(spec("empty-issuer.example").issuer(root).issuerName(""));
    assertNamesRule(verifyRejects(chain), "issuer-not-empty");
  }

  @Test
  void emptySubjectWithoutAltNameIsRejectedWithAReason() throws Exception {
    Path chain = pki.issueRaw(spec("empty-subject").issuer(root).subject(""));
    assertNamesRule(verifyRejects(chain), "subject-named");
  }

  @Test
  void duplicateExtensionIsRejectedWithAReason() throws Exception {
    Path chain =
        pki.issueRaw(
            spec("duplicate-ext.example").issuer(root).dns("d.example").duplicateExtension());
    assertNamesRule(verifyRejects(chain), "unique-extensions");
  }

  @Test
  void signatureAlgorithmDifferentFromTheSignedOneIsRejectedWithAReason() throws Exception {
    Path chain =
        pki.issueRaw(
            spec("sigalg-mismatch.example")
                .issuer(root)
                .dns("s.example")
                .tbsSignatureAlgorithm("SHA384withECDSA"));
    assertNamesRule(verifyRejects(chain), "signature-algorithm-match");
  }
}
