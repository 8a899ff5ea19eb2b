package dev.zengate.gateway.proxy;

import dev.zengate.gateway.metrics.GatewayMetrics.RevocationSample;
import dev.zengate.gateway.trust.revocation.RevocationService;
import dev.zengate.gateway.trust.revocation.SourceHealth;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The revocation part of a listener's status: for each side that checks, the policy in short and
 * the health of each source, so a stale CRL or a failing responder shows before partners are
 * refused.
 */
final class RevocationStatus {

  private RevocationStatus() {}

  static Map<String, Object> of(ListenerSettings settings) {
    Map<String, Object> sides = new LinkedHashMap<>();
    if (settings.downstreamRevocation() != null) {
      sides.put("downstream", side(settings.downstreamRevocation()));
    }
    if (settings.upstreamRevocation() != null) {
      sides.put("upstream", side(settings.upstreamRevocation()));
    }
    if (settings.downstreamStaple() != null) {
      Map<String, Object> staple = new LinkedHashMap<>();
      staple.put("responder", settings.downstreamStaple().responder().toString());
      staple.put("stapling", settings.downstreamStaple().current() != null);
      staple.put(
          "sources",
          settings.downstreamStaple().health().stream().map(RevocationStatus::source).toList());
      sides.put("staple", staple);
    }
    return sides;
  }

  /** The same sources as samples for the metrics, one per listener side and source. */
  static List<RevocationSample> samples(ListenerSettings settings) {
    List<RevocationSample> samples = new ArrayList<>();
    addSamples(samples, settings.name(), "downstream", settings.downstreamRevocation());
    addSamples(samples, settings.name(), "upstream", settings.upstreamRevocation());
    return samples;
  }

  private static void addSamples(
      List<RevocationSample> samples, String listener, String side, RevocationService service) {
    if (service == null) {
      return;
    }
    for (SourceHealth health : service.health()) {
      samples.add(
          new RevocationSample(
              listener,
              side,
              health.kind(),
              health.url(),
              health.stale(),
              health.failures(),
              health.nextUpdate()));
    }
  }

  private static Map<String, Object> side(RevocationService service) {
    Map<String, Object> side = new LinkedHashMap<>();
    side.put("mode", service.policy().mode().name().toLowerCase(Locale.ROOT));
    side.put("softFail", service.policy().softFail());
    List<Map<String, Object>> sources =
        service.health().stream().map(RevocationStatus::source).toList();
    side.put("sources", sources);
    return side;
  }

  private static Map<String, Object> source(SourceHealth health) {
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("kind", health.kind());
    source.put("url", health.url());
    source.put("lastAttempt", time(health.lastAttempt()));
    source.put("lastSuccess", time(health.lastSuccess()));
    source.put("nextUpdate", time(health.nextUpdate()));
    source.put("stale", health.stale());
    source.put("failures", health.failures());
    source.put("lastError", health.lastError());
    source.put(
        "clockSkewMillis", health.clockSkew() == null ? null : health.clockSkew().toMillis());
    return source;
  }

  private static String time(Instant at) {
    return at == null ? null : at.toString();
  }
}
