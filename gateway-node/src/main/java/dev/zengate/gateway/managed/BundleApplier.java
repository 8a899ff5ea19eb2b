package dev.zengate.gateway.managed;

import dev.zengate.bundle.Base64Text;
import dev.zengate.bundle.BundleContent;
import dev.zengate.bundle.BundleJson;
import dev.zengate.bundle.BundleRejectedException;
import dev.zengate.bundle.BundleVerifier;
import dev.zengate.bundle.ConfigBundle;
import dev.zengate.bundle.SignedBundle;
import dev.zengate.gateway.metrics.GatewayMetrics;
import dev.zengate.gateway.reload.ConfigLoader;
import dev.zengate.gateway.reload.ConfigReloader;
import dev.zengate.gateway.reload.ReloadOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place bundles are applied, on one thread ({@code zengate-bundle}) in arrival order:
 * verify against the pinned key and the running version, open the sealed keys into a fresh version
 * directory, apply through the {@link ConfigReloader} (validated whole; unchanged listeners keep
 * their connections), then keep the signed bundle as {@code bundle.json} for restarts. Any refusal
 * leaves the served configuration alone and is logged, counted and reported with its code.
 */
public final class BundleApplier implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BundleApplier.class);

  /** Makes the loader for a bundle's content materialized in a directory. */
  @FunctionalInterface
  public interface LoaderFactory {
    ConfigLoader forBundle(BundleContent content, Path versionDir);
  }

  private final BundleVerifier verifier;
  private final BundleMaterializer materializer;
  private final StateDir stateDir;
  private final ConfigReloader reloader;
  private final ManagedState state;
  private final GatewayMetrics metrics;
  private final LoaderFactory loaders;
  private final Consumer<String> events;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "zengate-bundle");
            t.setDaemon(true);
            return t;
          });

  /**
   * The last value applied or refused for good (by verification): seeing it again changes nothing.
   * Values refused by the engine (a port in use, a write failure) are tried again when seen again.
   */
  private String settled;

  public BundleApplier(
      BundleVerifier verifier,
      BundleMaterializer materializer,
      StateDir stateDir,
      ConfigReloader reloader,
      ManagedState state,
      GatewayMetrics metrics,
      LoaderFactory loaders,
      Consumer<String> events) {
    this.verifier = verifier;
    this.materializer = materializer;
    this.stateDir = stateDir;
    this.reloader = reloader;
    this.state = state;
    this.metrics = metrics;
    this.loaders = loaders;
    this.events = events;
  }

  /** Queues a bundle for the bundle thread; never blocks (called from the channel's event loop). */
  public void submit(String json, String source) {
    long received = System.nanoTime();
    try {
      thread.execute(() -> process(json, source, received));
    } catch (RejectedExecutionException closing) {
      // Stopping.
    }
  }

  /** Applies a bundle on the caller's thread (the cached bundle, before anything else runs). */
  public void applyNow(String json, String source) {
    process(json, source, System.nanoTime());
  }

  private synchronized void process(String json, String source, long received) {
    if (json == null || Objects.equals(json, settled)) {
      return; // removal, or the same value again (listener event and catch-up read both saw it)
    }
    ConfigBundle bundle;
    try {
      bundle = verifier.verify(json, state.appliedVersion());
    } catch (BundleRejectedException e) {
      settled = json;
      reject(claimedVersion(json), e.code(), e.getMessage(), source);
      return;
    }
    Path dir;
    try {
      dir = materializer.materialize(bundle);
    } catch (BundleRejectedException e) {
      reject(bundle.version(), e.code(), e.getMessage(), source);
      return;
    }
    ReloadOutcome outcome =
        reloader.reload("bundle-v" + bundle.version(), loaders.forBundle(bundle.content(), dir));
    if (!outcome.applied()) {
      materializer.discard(dir);
      reject(bundle.version(), "invalid-config", outcome.error(), source);
      return;
    }
    try {
      StateDir.writeAtomically(stateDir.bundle(), json);
      materializer.keepOnly(dir);
    } catch (IOException e) {
      LOG.warn(
          "bundle_cache_failed version={} error=\"{}\" (served, but a restart without the channel"
              + " serves the previous bundle)",
          bundle.version(),
          e.getMessage());
    }
    settled = json;
    state.applied(
        new ManagedState.Applied(bundle.version(), bundle.contentHash(), source, Instant.now()));
    metrics.bundleApplied(bundle.version());
    LOG.info(
        "bundle_applied node={} version={} content_hash={} source={} listeners={} millis={}",
        bundle.nodeId(),
        bundle.version(),
        ConfigReloader.shortVersion(bundle.contentHash()),
        source,
        bundle.content().listeners().size(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - received));
    events.accept("applied");
  }

  private void reject(long version, String code, String reason, String source) {
    state.rejected(new ManagedState.Rejection(version, code, reason, source, Instant.now()));
    metrics.bundleRejected(code);
    LOG.warn(
        "bundle_rejected node={} version={} code={} source={} keeping_version={} reason=\"{}\"",
        state.enrollment().nodeId(),
        version,
        code,
        source,
        state.appliedVersion(),
        reason == null ? "" : reason.replace('"', '\''));
    events.accept("rejected");
  }

  /** The version a refused bundle claims, for the report; 0 when it cannot be read at all. */
  private static long claimedVersion(String json) {
    try {
      SignedBundle envelope = BundleJson.read(json, SignedBundle.class);
      return BundleJson.read(Base64Text.decode(envelope.payload()), ConfigBundle.class).version();
    } catch (BundleRejectedException | RuntimeException e) {
      return 0;
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
    try {
      thread.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
