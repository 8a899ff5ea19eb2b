package dev.zengate.gateway.trust.revocation;

import dev.zengate.gateway.trust.Certificates;
import dev.zengate.gateway.trust.TrustParsers;
import dev.zengate.gateway.trust.UnusableInputException;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Asks OCSP responders (RFC 6960) about certificates: the responder from the certificate's AIA or a
 * configured one, through the proxy when set. An answer is used only when it is signed by the
 * issuing CA or by a responder certificate that CA issued for OCSP signing, and when it is fresh;
 * it is then cached until its nextUpdate. Concurrent questions about one certificate share one
 * request, and a caller waits at most the policy's timeout.
 */
public final class OcspClient {

  /** Tolerated clock difference between the responder and this node. */
  static final Duration SKEW = Duration.ofMinutes(5);

  /** How long an answer without nextUpdate is used and cached. */
  static final Duration NO_NEXT_UPDATE_LIFETIME = Duration.ofMinutes(5);

  /** Upper bound of caching, whatever nextUpdate says. */
  static final Duration MAX_CACHE = Duration.ofDays(7);

  private static final BouncyCastleProvider BC = new BouncyCastleProvider();

  private final HttpFetcher fetcher;
  private final Duration timeout;
  private final Clock clock;
  private final RevocationHealth health;
  private final ConcurrentMap<Key, Cached> cache = new ConcurrentHashMap<>();
  private final ConcurrentMap<Key, CompletableFuture<CertStatus>> inFlight =
      new ConcurrentHashMap<>();

  private record Key(URI url, CertificateID id) {}

  private record Cached(CertStatus status, Instant until) {}

  OcspClient(HttpFetcher fetcher, Duration timeout, Clock clock, RevocationHealth health) {
    this.fetcher = fetcher;
    this.timeout = timeout;
    this.clock = clock;
    this.health = health;
  }

  /** The status of {@code cert}, issued by {@code issuer}; {@code configured} overrides the AIA. */
  CertStatus check(X509Certificate cert, X509Certificate issuer, URI configured) {
    URI url = configured;
    if (url == null) {
      List<URI> fromAia = Locations.ocsp(cert);
      if (fromAia.isEmpty()) {
        return CertStatus.noLocation(
            Certificates.name(cert)
                + " names no OCSP responder (no AIA) and no responder is configured");
      }
      url = fromAia.get(0);
    }
    String source = "OCSP responder " + url;
    CertificateID id;
    X509CertificateHolder issuerHolder;
    try {
      issuerHolder = new JcaX509CertificateHolder(issuer);
      id = certificateId(cert, issuerHolder);
    } catch (Exception e) {
      return CertStatus.unavailable(source, "cannot build the OCSP request: " + e.getMessage());
    }
    Key key = new Key(url, id);
    Cached cached = cache.get(key);
    Instant now = clock.instant();
    if (cached != null && now.isBefore(cached.until())) {
      return cached.status();
    }
    CompletableFuture<CertStatus> created = new CompletableFuture<>();
    CompletableFuture<CertStatus> future = inFlight.putIfAbsent(key, created);
    if (future == null) {
      future = created;
      // Completed outside the map's lock: a fetch may also fail synchronously.
      fetch(url, source, id, issuer, issuerHolder)
          .whenComplete(
              (status, failure) -> {
                inFlight.remove(key, created);
                if (failure != null) {
                  created.completeExceptionally(failure);
                } else {
                  created.complete(status);
                }
              });
    }
    try {
      return future.get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CertStatus.unavailable(source, "interrupted");
    } catch (Exception e) {
      String why = "unreachable (" + HttpFetcher.describe(e) + ")";
      health.failure("ocsp", url.toString(), clock.instant(), why, false);
      return CertStatus.unavailable(source, why);
    }
  }

  /** The SHA-1 CertID of RFC 6960 that responders index by. */
  static CertificateID certificateId(X509Certificate cert, X509CertificateHolder issuer)
      throws Exception {
    return new CertificateID(
        new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
        issuer,
        cert.getSerialNumber());
  }

  private CompletableFuture<CertStatus> fetch(
      URI url,
      String source,
      CertificateID id,
      X509Certificate issuer,
      X509CertificateHolder issuerHolder) {
    byte[] request;
    try {
      request = new OCSPReqBuilder().addRequest(id).build().getEncoded();
    } catch (Exception e) {
      return CompletableFuture.completedFuture(
          CertStatus.unavailable(source, "cannot build the OCSP request: " + e.getMessage()));
    }
    return fetcher
        .postOcsp(url, request)
        .thenApply(
            body -> {
              Instant now = clock.instant();
              try {
                Answer answer = interpret(body, id, issuer, issuerHolder, now);
                Instant until =
                    answer.nextUpdate() != null
                        ? answer.nextUpdate()
                        : now.plus(NO_NEXT_UPDATE_LIFETIME);
                if (until.isAfter(now.plus(MAX_CACHE))) {
                  until = now.plus(MAX_CACHE);
                }
                CertStatus status = answer.status(source);
                cache.put(new Key(url, id), new Cached(status, until));
                health.success(
                    "ocsp",
                    url.toString(),
                    now,
                    answer.nextUpdate(),
                    Duration.between(now, answer.producedAt()));
                return status;
              } catch (UnusableInputException e) {
                health.failure("ocsp", url.toString(), now, e.getMessage(), false);
                return CertStatus.unavailable(source, e.getMessage());
              }
            });
  }

  record Answer(
      CertificateStatus certStatus, Instant nextUpdate, Instant producedAt, String serialText) {
    CertStatus status(String source) {
      if (certStatus == CertificateStatus.GOOD) {
        return CertStatus.good(source);
      }
      if (certStatus instanceof RevokedStatus revoked) {
        String reason =
            revoked.hasRevocationReason() ? reasonName(revoked.getRevocationReason()) : null;
        return CertStatus.revoked(revoked.getRevocationTime().toInstant(), reason, source);
      }
      return CertStatus.unknown(source, "the responder does not know serial " + serialText);
    }
  }

  /** Checks an OCSP response about one certificate: signature, coverage, freshness. */
  static Answer interpret(
      byte[] body,
      CertificateID id,
      X509Certificate issuer,
      X509CertificateHolder issuerHolder,
      Instant now)
      throws UnusableInputException {
    OCSPResp response = TrustParsers.ocspResponse(body);
    if (response.getStatus() != OCSPResp.SUCCESSFUL) {
      throw new UnusableInputException(
          "the responder answered " + responseStatusName(response.getStatus()));
    }
    BasicOCSPResp basic;
    try {
      basic = (BasicOCSPResp) response.getResponseObject();
    } catch (Exception e) {
      throw new UnusableInputException("unreadable OCSP response (" + e.getMessage() + ")", e);
    }
    if (!signedByIssuerOrDelegate(basic, issuer, issuerHolder, now)) {
      throw new UnusableInputException(
          "the OCSP response is not signed by "
              + Certificates.name(issuer)
              + " or by a responder certificate it issued for OCSP signing");
    }
    if (basic.getCriticalExtensionOIDs() != null) {
      for (Object oid : basic.getCriticalExtensionOIDs()) {
        if (!OCSPObjectIdentifiers.id_pkix_ocsp_nonce.equals(oid)) {
          throw new UnusableInputException(
              "the OCSP response has an unknown critical extension " + oid);
        }
      }
    }
    for (SingleResp single : basic.getResponses()) {
      if (!single.getCertID().equals(id)) {
        continue;
      }
      Instant thisUpdate = single.getThisUpdate().toInstant();
      Instant nextUpdate =
          single.getNextUpdate() == null ? null : single.getNextUpdate().toInstant();
      if (thisUpdate.isAfter(now.plus(SKEW))) {
        throw new UnusableInputException(
            "the OCSP response is dated in the future (thisUpdate "
                + Certificates.time(thisUpdate)
                + "): check this node's clock");
      }
      if (nextUpdate != null && nextUpdate.isBefore(now.minus(SKEW))) {
        throw new UnusableInputException(
            "the OCSP response is stale (nextUpdate " + Certificates.time(nextUpdate) + ")");
      }
      if (nextUpdate == null && thisUpdate.isBefore(now.minus(Duration.ofHours(1)))) {
        throw new UnusableInputException(
            "the OCSP response is stale (thisUpdate "
                + Certificates.time(thisUpdate)
                + " and no nextUpdate)");
      }
      return new Answer(
          single.getCertStatus(),
          nextUpdate,
          basic.getProducedAt().toInstant(),
          id.getSerialNumber().toString(16));
    }
    throw new UnusableInputException(
        "the OCSP response does not cover the certificate asked about");
  }

  private static boolean signedByIssuerOrDelegate(
      BasicOCSPResp basic,
      X509Certificate issuer,
      X509CertificateHolder issuerHolder,
      Instant now) {
    try {
      if (basic.isSignatureValid(verifier(issuerHolder))) {
        return true;
      }
    } catch (Exception e) {
      // Not signed by the issuer itself (or with another key type): try delegated responders.
    }
    for (X509CertificateHolder responder : basic.getCerts()) {
      try {
        boolean issuedByCa =
            responder.getIssuer().equals(issuerHolder.getSubject())
                && responder.isSignatureValid(verifier(issuerHolder));
        ExtendedKeyUsage eku = ExtendedKeyUsage.fromExtensions(responder.getExtensions());
        boolean forOcsp = eku != null && eku.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning);
        boolean valid = responder.isValidOn(java.util.Date.from(now));
        if (issuedByCa && forOcsp && valid && basic.isSignatureValid(verifier(responder))) {
          return true;
        }
      } catch (Exception e) {
        // This certificate cannot vouch for the response; try the next.
      }
    }
    return false;
  }

  private static ContentVerifierProvider verifier(X509CertificateHolder holder) throws Exception {
    return new JcaContentVerifierProviderBuilder().setProvider(BC).build(holder);
  }

  static String responseStatusName(int status) {
    return switch (status) {
      case 1 -> "malformedRequest";
      case 2 -> "internalError";
      case 3 -> "tryLater";
      case 5 -> "sigRequired";
      case 6 -> "unauthorized";
      default -> "status " + status;
    };
  }

  static String reasonName(int reason) {
    return switch (reason) {
      case CRLReason.unspecified -> "unspecified";
      case CRLReason.keyCompromise -> "keyCompromise";
      case CRLReason.cACompromise -> "cACompromise";
      case CRLReason.affiliationChanged -> "affiliationChanged";
      case CRLReason.superseded -> "superseded";
      case CRLReason.cessationOfOperation -> "cessationOfOperation";
      case CRLReason.certificateHold -> "certificateHold";
      case CRLReason.removeFromCRL -> "removeFromCRL";
      case CRLReason.privilegeWithdrawn -> "privilegeWithdrawn";
      case CRLReason.aACompromise -> "aACompromise";
      default -> "reason " + reason;
    };
  }
}
