package dev.zengate.gateway.trust.revocation;

import dev.zengate.gateway.trust.Certificates;
import dev.zengate.gateway.trust.RejectionKind;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A listener's revocation checking: OCSP, CRL, both or none, under its hard/soft-fail and
 * no-location policies. Fetching runs on this service's own threads; a caller (a TLS engine's
 * delegated-task thread, never an event loop) waits at most the policy's timeout per source, and a
 * slow responder delays only the handshakes that need it.
 */
public final class RevocationService implements RevocationChecker, AutoCloseable {

  private final RevocationPolicy policy;
  private final ExecutorService executor;
  private final RevocationHealth health = new RevocationHealth();
  private final OcspClient ocsp;
  private final CrlStore crls;

  /**
   * @param crlCacheDir where fetched CRLs are kept across restarts, or null for memory only
   * @param crlFiles CRLs given as files, used for their issuers before any URL
   */
  public RevocationService(
      RevocationPolicy policy, Path crlCacheDir, List<CrlIndex> crlFiles, Clock clock) {
    this.policy = policy;
    this.executor = Executors.newCachedThreadPool(daemonThreads());
    HttpFetcher fetcher = new HttpFetcher(policy.proxy(), policy.timeout(), executor);
    Clock c = clock == null ? Clock.systemUTC() : clock;
    this.ocsp = new OcspClient(fetcher, policy.timeout(), c, health);
    this.crls = new CrlStore(fetcher, crlCacheDir, policy.timeout(), c, health);
    if (crlFiles != null) {
      crlFiles.forEach(crls::addStatic);
    }
  }

  public RevocationPolicy policy() {
    return policy;
  }

  /** Health of every source used so far (for status JSON and metrics). */
  public List<SourceHealth> health() {
    return health.snapshot();
  }

  /** The CRL store, to schedule {@link CrlStore#refreshDue} refreshes. */
  public CrlStore crls() {
    return crls;
  }

  @Override
  public RevocationOutcome check(List<X509Certificate> path, Instant at) {
    if (policy.mode() == RevocationMode.NONE || path.size() < 2) {
      return RevocationOutcome.good(List.of());
    }
    List<String> warnings = new ArrayList<>();
    int last = policy.leafOnly() ? 1 : path.size() - 1;
    for (int i = 0; i < last; i++) {
      X509Certificate cert = path.get(i);
      CertStatus status = statusOf(cert, path.get(i + 1));
      String name = Certificates.name(cert);
      switch (status.state()) {
        case GOOD -> {}
        case REVOKED -> {
          if (status.revokedAt().isAfter(at)) {
            // Validating at a past time: the certificate was still good then.
            break;
          }
          return RevocationOutcome.reject(
              RejectionKind.REVOKED,
              "certificate "
                  + name
                  + " was revoked at "
                  + Certificates.time(status.revokedAt())
                  + (status.revocationReason() == null
                      ? ""
                      : " (" + status.revocationReason() + ")")
                  + " according to "
                  + status.source());
        }
        case NO_LOCATION -> {
          if (!policy.acceptWithoutLocation()) {
            return RevocationOutcome.reject(
                RejectionKind.REVOCATION_UNAVAILABLE,
                status.detail() + "; the listener refuses certificates it cannot check");
          }
        }
        case UNKNOWN, UNAVAILABLE -> {
          String problem =
              "revocation status of "
                  + name
                  + " unknown: "
                  + status.source()
                  + ": "
                  + status.detail();
          if (!policy.softFail()) {
            return RevocationOutcome.reject(RejectionKind.REVOCATION_UNAVAILABLE, problem);
          }
          warnings.add("soft-fail: " + problem);
        }
        default -> throw new IllegalStateException("unhandled " + status.state());
      }
    }
    return RevocationOutcome.good(warnings);
  }

  private CertStatus statusOf(X509Certificate cert, X509Certificate issuer) {
    return switch (policy.mode()) {
      case OCSP -> ocsp.check(cert, issuer, policy.ocspUrl());
      case CRL -> crls.check(cert, issuer, policy.crlUrl());
      case BOTH -> {
        CertStatus byOcsp = ocsp.check(cert, issuer, policy.ocspUrl());
        if (byOcsp.definite()) {
          yield byOcsp;
        }
        CertStatus byCrl = crls.check(cert, issuer, policy.crlUrl());
        if (byCrl.definite()) {
          yield byCrl;
        }
        if (byOcsp.state() == CertStatus.State.NO_LOCATION
            && byCrl.state() == CertStatus.State.NO_LOCATION) {
          yield CertStatus.noLocation(
              Certificates.name(cert)
                  + " names neither an OCSP responder nor a CRL distribution point and none is"
                  + " configured");
        }
        CertStatus failed = byOcsp.state() == CertStatus.State.NO_LOCATION ? byCrl : byOcsp;
        CertStatus other = failed == byOcsp ? byCrl : byOcsp;
        yield new CertStatus(
            CertStatus.State.UNAVAILABLE,
            null,
            null,
            failed.source(),
            failed.detail()
                + "; and "
                + (other.source() == null ? "" : other.source() + ": ")
                + other.detail());
      }
      case NONE -> CertStatus.good("none");
    };
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "zengate-revocation-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
