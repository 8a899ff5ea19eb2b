package dev.zengate.gateway.proxy;

import dev.zengate.gateway.config.NodeConfig;
import dev.zengate.gateway.config.RevocationConfig;
import dev.zengate.gateway.trust.revocation.HttpFetcher;
import dev.zengate.gateway.trust.revocation.OcspStaple;
import dev.zengate.gateway.trust.revocation.RevocationMode;
import dev.zengate.gateway.trust.revocation.RevocationPolicy;
import dev.zengate.gateway.trust.revocation.RevocationService;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;

/**
 * The revocation services of one compiled configuration: one per distinct policy, so listeners that
 * check the same way share OCSP answers and CRLs. CRLs are refreshed every minute (each fetched
 * again shortly before its nextUpdate) on one background thread until {@link #close}.
 */
public final class RevocationServices implements AutoCloseable {

  static final Duration REFRESH_PERIOD = Duration.ofMinutes(1);

  /** Fetching a staple holds up no handshake, so it may wait longer than a revocation check. */
  static final Duration STAPLE_TIMEOUT = Duration.ofSeconds(10);

  /** Shared by every configuration: refreshing is light and a fetch is bounded by its timeout. */
  private static final ScheduledExecutorService REFRESHER =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "zengate-crl-refresh");
            thread.setDaemon(true);
            return thread;
          });

  private final NodeConfig node;
  private final Map<RevocationPolicy, RevocationService> services = new LinkedHashMap<>();
  private final List<ScheduledFuture<?>> refreshing = new ArrayList<>();
  private final Map<String, OcspStaple> staples = new LinkedHashMap<>();
  private ExecutorService stapleFetches;
  // One HTTP client for every staple of this configuration: each client has its own selector
  // thread.
  private HttpFetcher stapleFetcher;

  RevocationServices(NodeConfig node) {
    this.node = node;
  }

  /** The service for this setting, created on first use; null when the setting checks nothing. */
  synchronized RevocationService serviceFor(RevocationConfig config) {
    if (!config.enabled()) {
      return null;
    }
    return services.computeIfAbsent(
        policy(config, node), p -> new RevocationService(p, node.crlCacheDir(), List.of(), null));
  }

  /** The policy a setting stands for, with the node's proxy; key of the shared TLS contexts. */
  static RevocationPolicy policy(RevocationConfig config, NodeConfig node) {
    return new RevocationPolicy(
        RevocationMode.valueOf(config.mode().name()),
        config.softFail(),
        config.acceptWithoutLocation(),
        config.leafOnly(),
        uri(config.ocspUrl()),
        uri(config.crlUrl()),
        uri(node.httpProxy()),
        config.timeout());
  }

  private static URI uri(String text) {
    // Checked by ConfigValidator before compilation.
    return text == null ? null : URI.create(text.trim());
  }

  /**
   * The staple of a certificate, fetching from now on; listeners serving the same certificate share
   * it.
   *
   * @throws IllegalArgumentException when the certificate cannot be stapled (no issuer, no AIA)
   */
  synchronized OcspStaple stapleFor(String certificateName, List<X509Certificate> chain) {
    OcspStaple existing = staples.get(certificateName);
    if (existing != null) {
      return existing;
    }
    if (stapleFetcher == null) {
      stapleFetches =
          Executors.newCachedThreadPool(
              runnable -> {
                Thread thread = new Thread(runnable, "zengate-ocsp-staple");
                thread.setDaemon(true);
                return thread;
              });
      stapleFetcher = new HttpFetcher(uri(node.httpProxy()), STAPLE_TIMEOUT, stapleFetches);
    }
    OcspStaple staple = OcspStaple.start(certificateName, chain, stapleFetcher, REFRESHER);
    staples.put(certificateName, staple);
    return staple;
  }

  synchronized void startRefreshing() {
    for (RevocationService service : services.values()) {
      if (service.policy().mode() == RevocationMode.CRL
          || service.policy().mode() == RevocationMode.BOTH) {
        refreshing.add(service.crls().startRefreshing(REFRESHER, REFRESH_PERIOD));
      }
    }
  }

  synchronized int size() {
    return services.size();
  }

  @Override
  public synchronized void close() {
    refreshing.forEach(future -> future.cancel(false));
    refreshing.clear();
    services.values().forEach(RevocationService::close);
    staples.values().forEach(OcspStaple::close);
    staples.clear();
    if (stapleFetches != null) {
      stapleFetches.shutdownNow();
    }
  }
}
