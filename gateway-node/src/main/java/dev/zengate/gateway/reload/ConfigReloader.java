package dev.zengate.gateway.reload;

import dev.zengate.gateway.config.InvalidConfigException;
import dev.zengate.gateway.proxy.CompiledConfig;
import dev.zengate.gateway.proxy.ProxyEngine;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads configuration and applies it whole or not at all. A configuration that fails to parse,
 * to load its files, or to bind its addresses is rejected and logged; the previous one keeps
 * serving (ghostunnel's reload contract).
 */
public final class ConfigReloader {

  private static final Logger LOG = LoggerFactory.getLogger(ConfigReloader.class);

  private final ProxyEngine engine;
  private ConfigLoader loader;
  private final AtomicReference<CompiledConfig> current = new AtomicReference<>();
  private final AtomicReference<ReloadOutcome> lastApplied = new AtomicReference<>();
  private final AtomicReference<ReloadOutcome> lastAttempt = new AtomicReference<>();
  private volatile Consumer<CompiledConfig> applied = config -> {};

  public ConfigReloader(ConfigLoader loader, ProxyEngine engine) {
    this.loader = loader;
    this.engine = engine;
  }

  /** Loads and applies the first configuration; failures propagate to the caller. */
  public synchronized CompiledConfig start() throws InvalidConfigException, InterruptedException {
    return start(config -> {});
  }

  /**
   * Loads the first configuration, hands it to {@code beforeServing} (which may reject it by
   * throwing), then binds its listeners.
   */
  public synchronized CompiledConfig start(Consumer<CompiledConfig> beforeServing)
      throws InvalidConfigException, InterruptedException {
    CompiledConfig config = loader.load();
    try {
      beforeServing.accept(config);
      engine.apply(config.listeners(), config.config().node().drainTimeout());
    } catch (RuntimeException | InterruptedException e) {
      config.release();
      throw e;
    }
    record(config, new ReloadOutcome(true, "start", Instant.now(), config.version(), null));
    return config;
  }

  /** Loads again from the loader that produced the served configuration, and applies it. */
  public synchronized ReloadOutcome reload(String trigger) {
    return reload(trigger, loader);
  }

  /**
   * Loads from {@code candidate} and applies the result. On success {@code candidate} becomes the
   * loader of later {@link #reload(String)} calls (so SIGHUP re-reads what is served, e.g. a newer
   * managed bundle); on failure nothing changes.
   */
  public synchronized ReloadOutcome reload(String trigger, ConfigLoader candidate) {
    CompiledConfig previous = current.get();
    CompiledConfig next;
    try {
      next = candidate.load();
    } catch (InvalidConfigException e) {
      return reject(trigger, previous, e.getMessage());
    } catch (RuntimeException e) {
      return reject(trigger, previous, "unexpected error while loading: " + e);
    }
    try {
      engine.apply(next.listeners(), next.config().node().drainTimeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      next.release();
      return reject(trigger, previous, "interrupted while applying");
    } catch (RuntimeException e) {
      next.release();
      return reject(trigger, previous, e.getMessage());
    }
    if (previous != null) {
      // A connection accepted just before the swap may still be creating its engine from the
      // previous contexts; give it time before dropping this configuration's references.
      GlobalEventExecutor.INSTANCE.schedule(previous::release, 30, TimeUnit.SECONDS);
    }
    ReloadOutcome outcome = new ReloadOutcome(true, trigger, Instant.now(), next.version(), null);
    loader = candidate;
    record(next, outcome);
    applied.accept(next);
    LOG.info(
        "config_applied trigger={} version={} listeners={}",
        trigger,
        shortVersion(next.version()),
        next.listeners().size());
    return outcome;
  }

  /** Called with every configuration a reload applies (not the first one). */
  public void onReloadApplied(Consumer<CompiledConfig> listener) {
    this.applied = listener;
  }

  /** Releases the served configuration's TLS contexts; call after the listeners are closed. */
  public synchronized void releaseCurrent() {
    CompiledConfig config = current.getAndSet(null);
    if (config != null) {
      config.release();
    }
  }

  public CompiledConfig current() {
    return current.get();
  }

  public ReloadOutcome lastApplied() {
    return lastApplied.get();
  }

  public ReloadOutcome lastAttempt() {
    return lastAttempt.get();
  }

  private void record(CompiledConfig config, ReloadOutcome outcome) {
    current.set(config);
    lastApplied.set(outcome);
    lastAttempt.set(outcome);
  }

  private ReloadOutcome reject(String trigger, CompiledConfig previous, String error) {
    String version = previous == null ? null : previous.version();
    ReloadOutcome outcome = new ReloadOutcome(false, trigger, Instant.now(), version, error);
    lastAttempt.set(outcome);
    LOG.warn(
        "config_rejected trigger={} keeping_version={} error={}",
        trigger,
        version == null ? "-" : shortVersion(version),
        error);
    return outcome;
  }

  public static String shortVersion(String version) {
    return version.length() > 12 ? version.substring(0, 12) : version;
  }
}
