package dev.zengate.gateway.trust.revocation;

import dev.zengate.gateway.trust.Certificates;
import dev.zengate.gateway.trust.TrustParsers;
import dev.zengate.gateway.trust.UnusableInputException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;

/**
 * CRLs (RFC 5280 section 5) fetched from distribution points or configured URLs, verified against
 * the issuing CA, kept in memory and on disk, and refreshed before their nextUpdate. The JDK's
 * X509CRL indexes entries by serial number, so a lookup in a 100k-entry CRL is a hash lookup. A CRL
 * past its nextUpdate that cannot be refreshed is reported as stale.
 */
public final class CrlStore {

  /** Tolerated clock difference between the CA and this node. */
  static final Duration SKEW = Duration.ofMinutes(5);

  private static final Set<String> KNOWN_CRITICAL =
      Set.of(
          Extension.issuingDistributionPoint.getId(),
          Extension.authorityKeyIdentifier.getId(),
          Extension.cRLNumber.getId());

  private final HttpFetcher fetcher;
  private final Path cacheDir;
  private final Duration timeout;
  private final Clock clock;
  private final RevocationHealth health;
  private final List<CrlIndex> staticCrls = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final ConcurrentMap<URI, Loaded> loaded = new ConcurrentHashMap<>();
  private final ConcurrentMap<URI, CompletableFuture<Loaded>> inFlight = new ConcurrentHashMap<>();

  /** A verified CRL and the CA certificate it was verified with. */
  private record Loaded(CrlIndex crl, X509Certificate issuer, Instant fetched) {
    Instant nextUpdate() {
      return crl.nextUpdate();
    }

    boolean staleAt(Instant now) {
      Instant next = nextUpdate();
      return next != null && now.isAfter(next);
    }
  }

  CrlStore(
      HttpFetcher fetcher, Path cacheDir, Duration timeout, Clock clock, RevocationHealth health) {
    this.fetcher = fetcher;
    this.cacheDir = cacheDir;
    this.timeout = timeout;
    this.clock = clock;
    this.health = health;
  }

  /** A CRL given as a file (e.g. {@code verify --crl}); used for its issuer before any URL. */
  void addStatic(CrlIndex crl) {
    staticCrls.add(crl);
  }

  CertStatus check(X509Certificate cert, X509Certificate issuer, URI configured) {
    Instant now = clock.instant();
    for (CrlIndex crl : staticCrls) {
      if (crl.issuer().equals(issuer.getSubjectX500Principal())) {
        String source = "CRL file of " + Certificates.name(issuer);
        try {
          verify(crl, issuer, now);
        } catch (UnusableInputException e) {
          continue;
        }
        Loaded file = new Loaded(crl, issuer, now);
        if (file.staleAt(now)) {
          return CertStatus.unavailable(
              source, "the CRL is stale (nextUpdate " + Certificates.time(file.nextUpdate()) + ")");
        }
        return lookup(file, cert, source);
      }
    }
    List<URI> urls = configured != null ? List.of(configured) : Locations.crl(cert);
    if (urls.isEmpty()) {
      return CertStatus.noLocation(
          Certificates.name(cert)
              + " names no CRL distribution point and no CRL URL is configured");
    }
    CertStatus last = null;
    for (URI url : urls) {
      last = checkAt(url, cert, issuer, now);
      if (last.definite()) {
        return last;
      }
    }
    return last;
  }

  private CertStatus checkAt(URI url, X509Certificate cert, X509Certificate issuer, Instant now) {
    String source = "CRL " + url;
    Loaded current = loaded.get(url);
    if (current == null) {
      current = fromDisk(url, issuer, now);
    }
    if (current != null && !current.staleAt(now) && sameIssuer(current, issuer)) {
      return lookup(current, cert, source);
    }
    Loaded fetched;
    try {
      fetched = fetch(url, issuer).get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CertStatus.unavailable(source, "interrupted");
    } catch (Exception e) {
      String why = HttpFetcher.describe(e);
      boolean stale = current != null;
      String detail =
          stale
              ? "the CRL is stale (nextUpdate "
                  + Certificates.time(current.nextUpdate())
                  + ") and the refresh failed: "
                  + why
              : "the CRL could not be fetched: " + why;
      health.failure("crl", url.toString(), clock.instant(), detail, stale);
      return CertStatus.unavailable(source, detail);
    }
    if (fetched.staleAt(now)) {
      String detail =
          "the CRL is stale: its nextUpdate "
              + Certificates.time(fetched.nextUpdate())
              + " has passed and the distribution point serves nothing newer";
      health.failure("crl", url.toString(), clock.instant(), detail, true);
      return CertStatus.unavailable(source, detail);
    }
    return lookup(fetched, cert, source);
  }

  private static boolean sameIssuer(Loaded current, X509Certificate issuer) {
    return current.issuer().getPublicKey().equals(issuer.getPublicKey());
  }

  /** Fetches, verifies and stores one CRL; concurrent callers for one URL share the fetch. */
  private CompletableFuture<Loaded> fetch(URI url, X509Certificate issuer) {
    CompletableFuture<Loaded> created = new CompletableFuture<>();
    CompletableFuture<Loaded> existing = inFlight.putIfAbsent(url, created);
    if (existing != null) {
      return existing;
    }
    // Completed outside the map's lock: a fetch may also fail synchronously.
    fetcher
        .get(url)
        .thenApply(body -> store(url, issuer, body))
        .whenComplete(
            (loadedCrl, failure) -> {
              inFlight.remove(url, created);
              if (failure != null) {
                created.completeExceptionally(failure);
              } else {
                created.complete(loadedCrl);
              }
            });
    return created;
  }

  /** Parses and verifies a fetched CRL and keeps it (memory and disk) if it is the newest. */
  private Loaded store(URI url, X509Certificate issuer, byte[] body) {
    Instant now = clock.instant();
    try {
      CrlIndex crl = TrustParsers.crl(body);
      verify(crl, issuer, now);
      Loaded fresh = new Loaded(crl, issuer, now);
      Loaded old = loaded.get(url);
      if (old == null || !crl.thisUpdate().isBefore(old.crl().thisUpdate())) {
        loaded.put(url, fresh);
        toDisk(url, body);
      }
      if (!fresh.staleAt(now)) {
        health.success("crl", url.toString(), now, fresh.nextUpdate(), null);
      }
      return fresh;
    } catch (UnusableInputException e) {
      throw new java.util.concurrent.CompletionException(e);
    }
  }

  /**
   * Refreshes every CRL whose nextUpdate is near (within a tenth of its validity period, at least a
   * minute) or past. Run periodically off the event loops; failures are reported through health.
   */
  public void refreshDue() {
    Instant now = clock.instant();
    for (var entry : loaded.entrySet()) {
      Loaded current = entry.getValue();
      Instant next = current.nextUpdate();
      if (next == null) {
        continue;
      }
      Duration period = Duration.between(current.crl().thisUpdate(), next);
      Duration margin = period.dividedBy(10);
      if (margin.compareTo(Duration.ofMinutes(1)) < 0) {
        margin = Duration.ofMinutes(1);
      }
      if (now.isAfter(next.minus(margin))) {
        URI url = entry.getKey();
        try {
          fetch(url, current.issuer()).get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } catch (Exception e) {
          health.failure(
              "crl",
              url.toString(),
              clock.instant(),
              "refresh failed: " + HttpFetcher.describe(e),
              current.staleAt(now));
        }
      }
    }
  }

  /** Runs {@link #refreshDue} every {@code period} on {@code scheduler}. */
  public ScheduledFuture<?> startRefreshing(ScheduledExecutorService scheduler, Duration period) {
    return scheduler.scheduleWithFixedDelay(
        this::refreshDue, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  private CertStatus lookup(Loaded loadedCrl, X509Certificate cert, String source) {
    String scope = scopeProblem(loadedCrl.crl(), cert);
    if (scope != null) {
      return CertStatus.unavailable(source, scope);
    }
    java.util.Optional<CrlIndex.Revocation> entry;
    try {
      entry = loadedCrl.crl().revocation(cert.getSerialNumber());
    } catch (UnusableInputException e) {
      return CertStatus.unavailable(source, e.getMessage());
    }
    if (entry.isEmpty()) {
      return CertStatus.good(source);
    }
    return CertStatus.revoked(entry.get().at(), entry.get().reason(), source);
  }

  /** Checks that {@code crl} was issued and signed by {@code issuer} and is usable at all. */
  static void verify(CrlIndex crl, X509Certificate issuer, Instant now)
      throws UnusableInputException {
    if (!crl.issuer().equals(issuer.getSubjectX500Principal())) {
      throw new UnusableInputException(
          "the CRL was issued by "
              + Certificates.name(crl.issuer())
              + ", not by "
              + Certificates.name(issuer));
    }
    boolean[] usage = issuer.getKeyUsage();
    if (usage != null && (usage.length <= 6 || !usage[6])) {
      throw new UnusableInputException(
          "the key usage of " + Certificates.name(issuer) + " does not allow CRL signing");
    }
    if (!crl.verifies(issuer.getPublicKey())) {
      throw new UnusableInputException(
          "the CRL signature does not verify with the key of " + Certificates.name(issuer));
    }
    if (crl.extensions() != null) {
      for (var criticalOid : crl.extensions().getCriticalExtensionOIDs()) {
        String oid = criticalOid.getId();
        if (oid.equals(Extension.deltaCRLIndicator.getId())) {
          throw new UnusableInputException("delta CRLs are not supported");
        }
        if (!KNOWN_CRITICAL.contains(oid)) {
          throw new UnusableInputException("the CRL has an unknown critical extension " + oid);
        }
      }
    }
    if (crl.thisUpdate().isAfter(now.plus(SKEW))) {
      throw new UnusableInputException(
          "the CRL is dated in the future (thisUpdate "
              + Certificates.time(crl.thisUpdate())
              + "): check this node's clock");
    }
  }

  /** Null when the CRL covers the certificate, else why it does not (issuingDistributionPoint). */
  private static String scopeProblem(CrlIndex crl, X509Certificate cert) {
    Extension extension =
        crl.extensions() == null
            ? null
            : crl.extensions().getExtension(Extension.issuingDistributionPoint);
    if (extension == null) {
      return null;
    }
    try {
      IssuingDistributionPoint idp =
          IssuingDistributionPoint.getInstance(extension.getParsedValue());
      boolean ca = cert.getBasicConstraints() >= 0;
      if (idp.isIndirectCRL() || idp.getOnlySomeReasons() != null) {
        return "indirect and partial-reason CRLs are not supported";
      }
      if (idp.onlyContainsAttributeCerts()
          || (idp.onlyContainsUserCerts() && ca)
          || (idp.onlyContainsCACerts() && !ca)) {
        return "the CRL does not cover certificates like " + Certificates.name(cert);
      }
      return null;
    } catch (RuntimeException e) {
      return "the CRL's issuingDistributionPoint is unreadable";
    }
  }

  private Loaded fromDisk(URI url, X509Certificate issuer, Instant now) {
    if (cacheDir == null) {
      return null;
    }
    Path file = cacheFile(url);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      CrlIndex crl = TrustParsers.crl(file);
      verify(crl, issuer, now);
      Loaded fromDisk = new Loaded(crl, issuer, now);
      loaded.putIfAbsent(url, fromDisk);
      return loaded.get(url);
    } catch (UnusableInputException e) {
      health.failure("crl", url.toString(), now, "cached copy unusable: " + e.getMessage(), false);
      return null;
    }
  }

  private void toDisk(URI url, byte[] der) {
    if (cacheDir == null) {
      return;
    }
    try {
      Files.createDirectories(cacheDir);
      Path file = cacheFile(url);
      Path tmp = Files.createTempFile(cacheDir, "crl-", ".tmp");
      Files.write(tmp, der);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      health.failure(
          "crl", url.toString(), clock.instant(), "cannot write the disk cache: " + e, false);
    }
  }

  Path cacheFile(URI url) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(url.toString().getBytes(StandardCharsets.UTF_8));
      return cacheDir.resolve(HexFormat.of().formatHex(hash) + ".crl");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  /** The URLs currently held, for tests and status. */
  List<URI> loadedUrls() {
    return new ArrayList<>(loaded.keySet());
  }
}
