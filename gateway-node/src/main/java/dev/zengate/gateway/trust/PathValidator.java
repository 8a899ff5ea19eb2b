package dev.zengate.gateway.trust;

import dev.zengate.gateway.trust.revocation.RevocationChecker;
import dev.zengate.gateway.trust.revocation.RevocationOutcome;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Decides whether a peer's certificate chain is trusted, the same way for partners' servers
 * (virtual clients) and partners' clients (virtual servers): builds every path from the leaf to a
 * configured trust anchor through configured and peer-sent intermediates, checks each to RFC 5280
 * ({@link PathChecks}), and checks revocation of the first path that passes. A rejection names the
 * certificate and the rule it broke.
 */
public final class PathValidator {

  private static final int MAX_DEPTH = 8;
  private static final int MAX_PATHS = 8;

  private final TrustSet trust;
  private final TrustPolicy policy;
  private final RevocationChecker revocation;

  public PathValidator(TrustSet trust, TrustPolicy policy, RevocationChecker revocation) {
    this.trust = Objects.requireNonNull(trust, "trust");
    this.policy = policy == null ? TrustPolicy.DEFAULT : policy;
    this.revocation = revocation == null ? RevocationChecker.NONE : revocation;
  }

  public TrustSet trust() {
    return trust;
  }

  /**
   * Validates {@code presented} (leaf first, then whatever intermediates the peer sent) at time
   * {@code at}. {@code expectedName} is the DNS name or IP address a server certificate must carry;
   * null skips the name check (client certificates). May block on revocation fetching.
   */
  public Verdict validate(
      List<X509Certificate> presented, Purpose purpose, String expectedName, Instant at) {
    if (presented == null || presented.isEmpty()) {
      return Verdict.reject(RejectionKind.MALFORMED, "the peer sent no certificate");
    }
    try {
      return decide(presented, purpose, expectedName, at);
    } catch (RuntimeException e) {
      // A trust manager must answer with a verdict, whatever a certificate or a source holds.
      return Verdict.reject(
          RejectionKind.MALFORMED,
          "the chain of "
              + Certificates.name(presented.get(0))
              + " could not be processed ("
              + TrustParsers.reason(e)
              + ")");
    }
  }

  private Verdict decide(
      List<X509Certificate> presented, Purpose purpose, String expectedName, Instant at) {
    Builder builder = new Builder(presented);
    builder.build();
    if (builder.complete.isEmpty()) {
      return builder.failure();
    }
    Verdict firstFailure = null;
    for (List<X509Certificate> path : builder.complete) {
      Verdict problem = PathChecks.check(path, policy, purpose, expectedName, at);
      if (problem == null) {
        RevocationOutcome outcome = revocation.check(path, at);
        if (!outcome.isGood()) {
          return Verdict.reject(outcome.kind(), outcome.reason());
        }
        return Verdict.accept(path, outcome.warnings());
      }
      if (firstFailure == null) {
        firstFailure = problem;
      }
    }
    return firstFailure;
  }

  /** {@link #validate} on {@code executor}, so that callers on an event loop never block. */
  public CompletableFuture<Verdict> validateAsync(
      List<X509Certificate> presented,
      Purpose purpose,
      String expectedName,
      Instant at,
      Executor executor) {
    return CompletableFuture.supplyAsync(
        () -> validate(presented, purpose, expectedName, at), executor);
  }

  /** Depth-first search for every path from the leaf to an anchor, remembering dead ends. */
  private final class Builder {
    private final List<X509Certificate> presented;
    private final List<List<X509Certificate>> complete = new ArrayList<>();
    private List<X509Certificate> deepestDeadEnd;
    private String signatureFailure;

    Builder(List<X509Certificate> presented) {
      this.presented = presented;
    }

    void build() {
      X509Certificate leaf = presented.get(0);
      if (trust.isAnchor(leaf)) {
        complete.add(List.of(leaf));
        return;
      }
      List<X509Certificate> start = new ArrayList<>();
      start.add(leaf);
      extend(start);
    }

    private void extend(List<X509Certificate> partial) {
      if (complete.size() >= MAX_PATHS) {
        return;
      }
      X509Certificate top = partial.get(partial.size() - 1);
      boolean extended = false;
      for (X509Certificate anchor : trust.anchorsNamed(top.getIssuerX500Principal())) {
        if (Certificates.couldHaveIssued(anchor, top)) {
          if (verifies(top, anchor)) {
            List<X509Certificate> path = new ArrayList<>(partial);
            path.add(anchor);
            complete.add(List.copyOf(path));
            extended = true;
          } else {
            recordSignatureFailure(top, anchor);
          }
        }
      }
      if (partial.size() < MAX_DEPTH) {
        for (X509Certificate candidate : intermediatesFor(top)) {
          if (partial.contains(candidate) || trust.isAnchor(candidate)) {
            continue;
          }
          if (!verifies(top, candidate)) {
            recordSignatureFailure(top, candidate);
            continue;
          }
          extended = true;
          partial.add(candidate);
          extend(partial);
          partial.remove(partial.size() - 1);
        }
      }
      if (!extended && (deepestDeadEnd == null || partial.size() > deepestDeadEnd.size())) {
        deepestDeadEnd = List.copyOf(partial);
      }
    }

    private List<X509Certificate> intermediatesFor(X509Certificate cert) {
      List<X509Certificate> candidates = new ArrayList<>();
      for (X509Certificate c : trust.intermediatesNamed(cert.getIssuerX500Principal())) {
        if (Certificates.couldHaveIssued(c, cert)) {
          candidates.add(c);
        }
      }
      for (int i = 1; i < presented.size(); i++) {
        X509Certificate c = presented.get(i);
        if (!candidates.contains(c) && Certificates.couldHaveIssued(c, cert)) {
          candidates.add(c);
        }
      }
      return candidates;
    }

    private void recordSignatureFailure(X509Certificate cert, X509Certificate issuer) {
      if (signatureFailure == null) {
        signatureFailure =
            "signature of "
                + Certificates.name(cert)
                + " does not verify with the key of "
                + Certificates.name(issuer);
      }
    }

    Verdict failure() {
      if (signatureFailure != null) {
        return Verdict.reject(RejectionKind.BAD_SIGNATURE, signatureFailure);
      }
      X509Certificate top = deepestDeadEnd.get(deepestDeadEnd.size() - 1);
      if (Certificates.isSelfIssued(top)) {
        X509Certificate leaf = deepestDeadEnd.get(0);
        return Verdict.reject(
            RejectionKind.UNKNOWN_ISSUER,
            "unknown issuer: "
                + (top == leaf ? "" : "the chain of " + Certificates.name(leaf) + " ends at ")
                + Certificates.name(top)
                + (top == leaf ? " is" : ", which is")
                + " self-signed and not a trust anchor");
      }
      return Verdict.reject(
          RejectionKind.UNKNOWN_ISSUER,
          "unknown issuer "
              + Certificates.name(top.getIssuerX500Principal())
              + " of "
              + Certificates.name(top)
              + ": neither a trust anchor nor a known intermediate certificate"
              + " (is an intermediate missing?)");
    }
  }

  private static boolean verifies(X509Certificate cert, X509Certificate issuer) {
    try {
      cert.verify(issuer.getPublicKey());
      return true;
    } catch (Exception e) {
      return false;
    }
  }
}
