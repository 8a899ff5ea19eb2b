package dev.zengate.gateway.trust;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.gateway.testsupport.TestPki;
import dev.zengate.gateway.trust.Pki.Cert;
import dev.zengate.gateway.trust.profile.Relaxation;
import dev.zengate.gateway.trust.revocation.RevocationChecker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The strict-profile rule tests' one way to validate a case: the trust anchor alone is trusted, the
 * chain is what the peer sends. With {@code -Dx509.cases=DIR} every case is also written to {@code
 * DIR/<test method>/} (trust.pem, chain.pem, purpose, expected) for the comparison with {@code
 * openssl verify -x509_strict} in gateway-node/bench/x509-vs-openssl.sh.
 */
final class StrictCases {

  private StrictCases() {}

  static Verdict validate(TrustPolicy policy, Purpose purpose, Cert anchor, Cert... chain) {
    List<X509Certificate> presented = Arrays.stream(chain).map(Cert::cert).toList();
    return new PathValidator(
            new TrustSet(List.of(anchor.cert()), List.of()), policy, RevocationChecker.NONE)
        .validate(presented, purpose, null, Instant.now());
  }

  static void assertAccepted(Purpose purpose, Cert anchor, Cert... chain) throws IOException {
    Verdict verdict = validate(TrustPolicy.DEFAULT, purpose, anchor, chain);
    assertTrue(verdict.accepted(), verdict::reason);
    record("accept", purpose, anchor, chain);
  }

  /** Strict validation rejects the chain and names {@code rule} in the reason. */
  static Verdict assertRejectedBy(String rule, Purpose purpose, Cert anchor, Cert... chain)
      throws IOException {
    return assertRejectedSaying("(rule " + rule, purpose, anchor, chain);
  }

  /** Strict validation rejects the chain with a reason containing {@code text}. */
  static Verdict assertRejectedSaying(String text, Purpose purpose, Cert anchor, Cert... chain)
      throws IOException {
    Verdict verdict = validate(TrustPolicy.DEFAULT, purpose, anchor, chain);
    assertFalse(verdict.accepted(), "expected a rejection saying " + text);
    assertTrue(
        verdict.reason().contains(text),
        () -> "reason '" + verdict.reason() + "' should contain '" + text + "'");
    record("reject", purpose, anchor, chain);
    return verdict;
  }

  /** Strict validation rejects by {@code rule}; the listener relaxation accepts the same chain. */
  static void assertRelaxedBy(
      Relaxation relaxation, String rule, Purpose purpose, Cert anchor, Cert... chain)
      throws IOException {
    Verdict strict = assertRejectedBy(rule, purpose, anchor, chain);
    assertTrue(
        strict.reason().contains("relax it with " + relaxation.configName()), strict::reason);
    Verdict relaxed =
        validate(TrustPolicy.DEFAULT.relaxing(Set.of(relaxation)), purpose, anchor, chain);
    assertTrue(relaxed.accepted(), relaxed::reason);
  }

  /** Records a case of raw files (malformed certificates the JDK cannot even parse). */
  static void recordFiles(String expected, Purpose purpose, Path trust, Path chain)
      throws IOException {
    Path dir = caseDir();
    if (dir != null) {
      Files.copy(trust, dir.resolve("trust.pem"));
      Files.copy(chain, dir.resolve("chain.pem"));
      writeMeta(dir, expected, purpose);
    }
  }

  private static void record(String expected, Purpose purpose, Cert anchor, Cert... chain)
      throws IOException {
    Path dir = caseDir();
    if (dir != null) {
      Files.writeString(dir.resolve("trust.pem"), TestPki.pem(List.of(anchor.cert())));
      Files.writeString(
          dir.resolve("chain.pem"), TestPki.pem(Arrays.stream(chain).map(Cert::cert).toList()));
      writeMeta(dir, expected, purpose);
    }
  }

  private static void writeMeta(Path dir, String expected, Purpose purpose) throws IOException {
    Files.writeString(dir.resolve("expected"), expected + "\n");
    Files.writeString(dir.resolve("purpose"), purpose.name().toLowerCase() + "\n");
  }

  /** DIR/<TestClass>.<method>, named after the test that asked; null when not recording. */
  private static Path caseDir() throws IOException {
    String root = System.getProperty("x509.cases");
    if (root == null || root.isBlank()) {
      return null;
    }
    StackWalker.StackFrame test =
        StackWalker.getInstance()
            .walk(
                frames ->
                    frames
                        .filter(f -> f.getClassName().contains(".X509"))
                        .reduce((inner, outer) -> outer) // the test method, not its helpers
                        .orElseThrow());
    String simpleClass = test.getClassName().substring(test.getClassName().lastIndexOf('.') + 1);
    Path dir = Path.of(root).resolve(simpleClass + "." + test.getMethodName());
    if (Files.exists(dir)) {
      return null; // one case per test: the first validation is the case
    }
    return Files.createDirectories(dir);
  }
}
