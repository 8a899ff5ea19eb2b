package dev.zengate.management.domain.audit;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A signed statement, written outside the database, that event {@code sequence} of the audit trail
 * had hash {@code headHash} at time {@code at}. Its one-line form is what the server logs and
 * appends to the checkpoint file, and what {@link #parse} finds again in either.
 *
 * @param publicKey the Ed25519 key that signed it (base64url of the raw 32 bytes)
 * @param signature Ed25519 signature of {@link #signedText()} (base64url)
 */
public record AuditCheckpoint(
    long sequence, String headHash, Instant at, String publicKey, String signature) {

  private static final Pattern LINE =
      Pattern.compile(
          "audit_checkpoint seq=(\\d+) hash=([0-9a-f]{64}) at=(\\S+) key=([A-Za-z0-9_-]+)"
              + " sig=([A-Za-z0-9_-]+)");

  /** The bytes the signature covers. */
  public String signedText() {
    return "zengate-audit-checkpoint-v1 " + sequence + " " + headHash + " " + at;
  }

  public String line() {
    return "audit_checkpoint seq="
        + sequence
        + " hash="
        + headHash
        + " at="
        + at
        + " key="
        + publicKey
        + " sig="
        + signature;
  }

  /** The checkpoint in a line of the checkpoint file or of the server log, if it holds one. */
  public static Optional<AuditCheckpoint> parse(String line) {
    Matcher m = LINE.matcher(line);
    if (!m.find()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new AuditCheckpoint(
              Long.parseLong(m.group(1)),
              m.group(2),
              Instant.parse(m.group(3)),
              m.group(4),
              m.group(5)));
    } catch (RuntimeException malformed) {
      return Optional.empty();
    }
  }
}
