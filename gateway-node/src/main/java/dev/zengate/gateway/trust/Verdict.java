package dev.zengate.gateway.trust;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of validating one presented chain: accepted with the path that was built (leaf first,
 * trust anchor last) or rejected with a reason. Warnings record what soft-fail let through, e.g. an
 * unreachable OCSP responder.
 */
public record Verdict(
    boolean accepted,
    RejectionKind kind,
    String reason,
    List<X509Certificate> path,
    List<String> warnings) {

  public Verdict {
    path = path == null ? List.of() : List.copyOf(path);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
    if (!accepted) {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(reason, "reason");
    }
  }

  public static Verdict accept(List<X509Certificate> path, List<String> warnings) {
    return new Verdict(true, null, null, path, warnings);
  }

  public static Verdict reject(RejectionKind kind, String reason) {
    return new Verdict(false, kind, reason, List.of(), List.of());
  }

  /** Throws the rejection as a {@link CertificateRejectedException}; returns when accepted. */
  public void orThrow() throws CertificateRejectedException {
    if (!accepted) {
      throw new CertificateRejectedException(kind, reason);
    }
  }
}
