package dev.zengate.management.tools;

import dev.zengate.management.domain.shared.InvalidInputException;
import dev.zengate.management.infrastructure.https.HttpsCertificate;
import dev.zengate.management.infrastructure.https.HttpsSettings;
import dev.zengate.management.infrastructure.https.PayaraListeners;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/**
 * Prepares the management server's HTTPS before Payara Micro starts: takes the operator's
 * certificate ({@code ZENGATE_TLS_CERT}, {@code ZENGATE_TLS_KEY}, PEM) or generates one under a CA
 * of this installation in {@code DIR}, writes it into a fresh key store there, and writes the
 * Payara commands that serve it to {@code PREBOOT_FILE} (pass it to Payara Micro's {@code
 * --prebootcommandfile}). Run by {@code ./zengate start}:
 *
 * <pre>
 * java -cp 'zengate/WEB-INF/lib/*' dev.zengate.management.tools.HttpsSetup var/tls var/payara-preboot.asadmin
 * </pre>
 *
 * <p>Prints where HTTPS listens, whose certificate it is and its SHA-256 fingerprint. Exit 0 when
 * ready, 2 with one line naming the problem (a missing or mismatched file, an expired certificate,
 * a bad port).
 */
public final class HttpsSetup {

  private HttpsSetup() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: HttpsSetup DIR PREBOOT_FILE");
      System.exit(2);
    }
    try {
      HttpsCertificate certificate = prepare(System.getenv(), Path.of(args[0]), Path.of(args[1]));
      System.out.println("certificate " + certificate.origin());
      System.out.println("SHA-256 fingerprint " + certificate.fingerprint());
    } catch (InvalidInputException e) {
      System.err.println("HTTPS: " + e.getMessage());
      System.exit(2);
    }
  }

  /** Writes the key store and the Payara commands; returns the certificate served. */
  public static HttpsCertificate prepare(Map<String, String> env, Path dir, Path prebootFile) {
    HttpsSettings settings = HttpsSettings.fromEnvironment(env);
    String certificateFile = env.getOrDefault("ZENGATE_TLS_CERT", "");
    String keyFile = env.getOrDefault("ZENGATE_TLS_KEY", "");
    if (certificateFile.isBlank() != keyFile.isBlank()) {
      throw new InvalidInputException(
          "set both ZENGATE_TLS_CERT and ZENGATE_TLS_KEY (PEM files), or neither to use a"
              + " generated certificate");
    }
    Instant now = Instant.now();
    HttpsCertificate certificate =
        certificateFile.isBlank()
            ? HttpsCertificate.generated(dir, settings.certificateNames(), now)
            : HttpsCertificate.fromFiles(Path.of(certificateFile), Path.of(keyFile), now);
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String password = HexFormat.of().formatHex(random);
    Path keyStore = dir.resolve("https.p12");
    certificate.writeKeyStore(keyStore, password.toCharArray());
    PayaraListeners.write(prebootFile, PayaraListeners.commands(settings, keyStore, password));
    return certificate;
  }
}
