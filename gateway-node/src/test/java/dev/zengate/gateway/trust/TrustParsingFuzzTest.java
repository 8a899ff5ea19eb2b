package dev.zengate.gateway.trust;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.zengate.gateway.trust.revocation.RevocationChecker;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * Fuzz tests of everything that parses partner, CA or responder input. In the normal build they run
 * in regression mode over the seeds in {@code TrustParsingFuzzTestInputs}; {@code JAZZER_FUZZ=1}
 * fuzzes for real. The only exception a parser may throw is {@link UnusableInputException}, and
 * validating whatever certificate parses must end in a verdict, never an exception.
 */
class TrustParsingFuzzTest {

  private static final X509Certificate ANCHOR = anchor();

  @FuzzTest(maxDuration = "30s")
  void certificatesParseOrSayWhy(byte[] input) {
    try {
      List<X509Certificate> certs = TrustParsers.certificates(input);
      PathValidator validator =
          new PathValidator(
              new TrustSet(List.of(ANCHOR), certs), TrustPolicy.DEFAULT, RevocationChecker.NONE);
      validator.validate(certs, Purpose.SERVER, "partner.example", Instant.now());
      validator.validate(certs, Purpose.CLIENT, null, Instant.now());
    } catch (UnusableInputException expected) {
      // A clear validation error is the right answer to malformed input.
    }
  }

  @FuzzTest(maxDuration = "30s")
  void crlsParseOrSayWhy(byte[] input) {
    try {
      var crl = TrustParsers.crl(input);
      crl.revocation(java.math.BigInteger.ONE);
      crl.verifies(ANCHOR.getPublicKey());
    } catch (UnusableInputException expected) {
      // As above.
    }
  }

  @FuzzTest(maxDuration = "30s")
  void ocspResponsesParseOrSayWhy(byte[] input) {
    try {
      TrustParsers.ocspResponse(input);
    } catch (UnusableInputException expected) {
      // As above.
    }
  }

  private static X509Certificate anchor() {
    try {
      java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("fuzz-pki");
      X509Certificate root = new Pki(dir).root("Fuzz Root").cert();
      try (var files = java.nio.file.Files.list(dir)) {
        for (var file : files.toList()) {
          java.nio.file.Files.delete(file);
        }
      }
      java.nio.file.Files.delete(dir);
      return root;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
