package dev.zengate.gateway.trust.revocation;

import dev.zengate.gateway.trust.RejectionKind;
import java.util.List;

/**
 * Result of a revocation check of a path: good (perhaps with soft-fail warnings) or a rejection.
 *
 * @param kind {@link RejectionKind#REVOKED} or {@link RejectionKind#REVOCATION_UNAVAILABLE} when
 *     rejected, null when good
 */
public record RevocationOutcome(RejectionKind kind, String reason, List<String> warnings) {

  public RevocationOutcome {
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  public static RevocationOutcome good(List<String> warnings) {
    return new RevocationOutcome(null, null, warnings);
  }

  public static RevocationOutcome reject(RejectionKind kind, String reason) {
    return new RevocationOutcome(kind, reason, List.of());
  }

  public boolean isGood() {
    return kind == null;
  }
}
