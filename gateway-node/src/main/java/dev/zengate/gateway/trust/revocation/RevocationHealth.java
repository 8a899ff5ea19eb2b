package dev.zengate.gateway.trust.revocation;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what happens to each OCSP responder and CRL URL and logs failures loudly, so that a stale
 * CRL or a dead responder is visible before partners are refused.
 */
public final class RevocationHealth {

  private static final Logger LOG = LoggerFactory.getLogger(RevocationHealth.class);

  private final ConcurrentMap<String, SourceHealth> sources = new ConcurrentHashMap<>();

  void success(String kind, String url, Instant at, Instant nextUpdate, Duration skew) {
    sources.compute(
        kind + " " + url,
        (k, old) ->
            new SourceHealth(
                kind,
                url,
                at,
                at,
                nextUpdate,
                old == null ? null : old.lastError(),
                old == null ? 0 : old.failures(),
                false,
                skew != null ? skew : old == null ? null : old.clockSkew()));
  }

  void failure(String kind, String url, Instant at, String error, boolean stale) {
    LOG.warn("{} {}: {}", kind.toUpperCase(java.util.Locale.ROOT), url, error);
    sources.compute(
        kind + " " + url,
        (k, old) ->
            new SourceHealth(
                kind,
                url,
                at,
                old == null ? null : old.lastSuccess(),
                old == null ? null : old.nextUpdate(),
                error,
                (old == null ? 0 : old.failures()) + 1,
                stale,
                old == null ? null : old.clockSkew()));
  }

  /** Every source seen so far, ordered by kind and URL. */
  public List<SourceHealth> snapshot() {
    return sources.values().stream()
        .sorted(Comparator.comparing(SourceHealth::kind).thenComparing(SourceHealth::url))
        .toList();
  }
}
