package dev.zengate.management.application;

import dev.zengate.bundle.watch.WatchPolicy;
import dev.zengate.management.domain.notification.ChannelSettings;
import java.time.Instant;
import java.util.List;

/**
 * A certificate as the watch sees it, in one scope: a pair that uses it (with that pair's schedule
 * and channels, the global ones where it sets none), or the global default for certificates only in
 * trust stores no listener uses. {@code inUse} is false for a stored certificate nothing uses
 * (replaced, or not yet deployed): it is listed but never notified. A partner's certificate (seen
 * by a node in a handshake, {@code partner}) has no {@code certificateId}.
 */
public record WatchEntry(
    Long certificateId,
    boolean partner,
    String sha256,
    String subject,
    String issuer,
    String serial,
    Instant notBefore,
    Instant notAfter,
    Long pairId,
    String pairName,
    List<String> usages,
    boolean inUse,
    WatchPolicy policy,
    ChannelSettings.Routes routes) {

  /** Whether any channel would carry its notifications. */
  public boolean notified() {
    return inUse && routes.any();
  }

  /** The pair key notifications are stored under: the pair id, 0 for the global default. */
  long scopeKey() {
    return pairId == null ? 0 : pairId;
  }

  String where() {
    String scope = pairId == null ? "no pair" : "pair " + pairName;
    return usages.isEmpty() ? scope : scope + ": " + String.join("; ", usages);
  }
}
