package dev.zengate.management.domain.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash of one audit event: SHA-256 over its fields and the previous event's hash. One
 * definition for the server and for the DBA's offline check ({@code AuditVerify}), which reads the
 * rows with plain JDBC.
 */
public final class AuditHash {

  private AuditHash() {}

  public static String of(
      Instant occurredAt,
      String actor,
      String sourceAddress,
      String action,
      String objectType,
      String objectId,
      String before,
      String after,
      String previousHash) {
    StringBuilder canonical = new StringBuilder();
    for (String field :
        new String[] {
          occurredAt.toString(),
          actor,
          sourceAddress,
          action,
          objectType,
          objectId,
          before,
          after,
          previousHash
        }) {
      // Length-prefixed, so no choice of field values can make two events hash alike.
      String value = field == null ? "" : field;
      canonical.append(field == null ? -1 : value.length()).append(':').append(value).append(';');
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
