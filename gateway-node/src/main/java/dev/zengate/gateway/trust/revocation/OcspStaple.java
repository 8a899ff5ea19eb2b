package dev.zengate.gateway.trust.revocation;

import dev.zengate.gateway.trust.Certificates;
import dev.zengate.gateway.trust.UnusableInputException;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fresh OCSP response about one of the node's own server certificates, for the server function to
 * staple (RFC 6066 status_request): partners then need not reach the CA's responder themselves.
 * Fetched from the certificate's AIA responder off the event loop, verified like any answer, kept
 * only while it says "good" and is not past nextUpdate, refreshed halfway to nextUpdate, retried
 * every minute after a failure. Without a valid response nothing is stapled.
 */
public final class OcspStaple implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OcspStaple.class);
  static final Duration RETRY = Duration.ofMinutes(1);
  static final Duration MAX_REFRESH = Duration.ofHours(12);

  private final String certificateName;
  private final X509Certificate leaf;
  private final X509Certificate issuer;
  private final URI responder;
  private final HttpFetcher fetcher;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final RevocationHealth health = new RevocationHealth();

  private volatile byte[] response;
  private volatile Instant validUntil;
  private volatile boolean closed;
  private ScheduledFuture<?> next;

  private OcspStaple(
      String certificateName,
      X509Certificate leaf,
      X509Certificate issuer,
      URI responder,
      HttpFetcher fetcher,
      ScheduledExecutorService scheduler,
      Clock clock) {
    this.certificateName = certificateName;
    this.leaf = leaf;
    this.issuer = issuer;
    this.responder = responder;
    this.fetcher = fetcher;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  /**
   * Starts keeping a response for {@code chain}'s leaf (its issuer must follow it in the chain).
   *
   * @throws IllegalArgumentException when the chain has no issuer or the leaf names no responder
   */
  public static OcspStaple start(
      String certificateName,
      List<X509Certificate> chain,
      HttpFetcher fetcher,
      ScheduledExecutorService scheduler) {
    if (chain.size() < 2) {
      throw new IllegalArgumentException(
          "OCSP stapling needs the issuing CA certificate after the leaf in the chain of '"
              + certificateName
              + "'");
    }
    List<URI> responders = Locations.ocsp(chain.get(0));
    if (responders.isEmpty()) {
      throw new IllegalArgumentException(
          "certificate '"
              + certificateName
              + "' names no OCSP responder (no AIA): there is nothing to staple");
    }
    OcspStaple staple =
        new OcspStaple(
            certificateName,
            chain.get(0),
            chain.get(1),
            responders.get(0),
            fetcher,
            scheduler,
            Clock.systemUTC());
    staple.schedule(Duration.ZERO);
    return staple;
  }

  /** The DER response to staple now, or null when there is no valid one. */
  public byte[] current() {
    Instant until = validUntil;
    return until != null && clock.instant().isBefore(until) ? response : null;
  }

  /** Health of the responder as the status JSON shows it. */
  public List<SourceHealth> health() {
    return health.snapshot();
  }

  public URI responder() {
    return responder;
  }

  private synchronized void schedule(Duration delay) {
    if (!closed) {
      next = scheduler.schedule(this::refresh, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void refresh() {
    Instant now = clock.instant();
    CertificateID id;
    X509CertificateHolder issuerHolder;
    byte[] request;
    try {
      issuerHolder = new JcaX509CertificateHolder(issuer);
      id = OcspClient.certificateId(leaf, issuerHolder);
      request = new OCSPReqBuilder().addRequest(id).build().getEncoded();
    } catch (Exception e) {
      failed(now, "cannot build the OCSP request: " + e.getMessage());
      return;
    }
    fetcher
        .postOcsp(responder, request)
        .whenComplete(
            (body, failure) -> {
              Instant at = clock.instant();
              if (failure != null) {
                failed(at, "unreachable (" + HttpFetcher.describe(failure) + ")");
                return;
              }
              try {
                accept(body, OcspClient.interpret(body, id, issuer, issuerHolder, at), at);
              } catch (UnusableInputException e) {
                failed(at, e.getMessage());
              }
            });
  }

  private void accept(byte[] body, OcspClient.Answer answer, Instant now) {
    if (answer.certStatus() != CertificateStatus.GOOD) {
      // Never staple "revoked" or "unknown": it would only make partners refuse us sooner.
      response = null;
      validUntil = null;
      String status = describe(answer.status("OCSP responder " + responder));
      health.failure("ocsp-staple", responder.toString(), now, status, false);
      LOG.error(
          "ocsp_staple_withheld certificate={} subject=\"{}\" status=\"{}\"",
          certificateName,
          Certificates.name(leaf),
          status);
      schedule(RETRY);
      return;
    }
    Instant until =
        answer.nextUpdate() != null
            ? answer.nextUpdate()
            : now.plus(OcspClient.NO_NEXT_UPDATE_LIFETIME);
    response = body;
    validUntil = until;
    health.success(
        "ocsp-staple",
        responder.toString(),
        now,
        answer.nextUpdate(),
        Duration.between(now, answer.producedAt()));
    LOG.info(
        "ocsp_staple_fetched certificate={} responder={} next_update={}",
        certificateName,
        responder,
        answer.nextUpdate());
    Duration half = Duration.between(now, until).dividedBy(2);
    schedule(
        half.compareTo(RETRY) < 0 ? RETRY : half.compareTo(MAX_REFRESH) > 0 ? MAX_REFRESH : half);
  }

  private static String describe(CertStatus status) {
    return status.state().name().toLowerCase()
        + (status.revokedAt() == null ? "" : " at " + Certificates.time(status.revokedAt()))
        + (status.detail() == null ? "" : ": " + status.detail());
  }

  private void failed(Instant at, String why) {
    health.failure("ocsp-staple", responder.toString(), at, why, current() == null);
    LOG.warn(
        "ocsp_staple_failed certificate={} responder={} reason=\"{}\" still_stapling={}",
        certificateName,
        responder,
        why,
        current() != null);
    schedule(RETRY);
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (next != null) {
      next.cancel(false);
    }
  }
}
