package dev.zengate.gateway.managed;

import dev.zengate.bundle.Enrollment;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a managed node knows about its bundles and its channel to the management cluster, shared
 * between the bundle thread (writer), the reporter and the admin endpoint (readers).
 */
public final class ManagedState {

  /** The last refused bundle. */
  public record Rejection(long version, String code, String reason, String source, Instant at) {}

  /** The bundle being served. */
  public record Applied(long version, String contentHash, String source, Instant at) {}

  private final Enrollment enrollment;
  private volatile Applied applied;
  private volatile Rejection rejection;
  private volatile boolean channelConnected;

  public ManagedState(Enrollment enrollment) {
    this.enrollment = enrollment;
  }

  public Enrollment enrollment() {
    return enrollment;
  }

  public long appliedVersion() {
    Applied current = applied;
    return current == null ? 0 : current.version();
  }

  public Applied applied() {
    return applied;
  }

  public Rejection rejection() {
    return rejection;
  }

  public boolean channelConnected() {
    return channelConnected;
  }

  void applied(Applied value) {
    applied = value;
  }

  void rejected(Rejection value) {
    rejection = value;
  }

  void channelConnected(boolean value) {
    channelConnected = value;
  }

  /** The {@code managed} section of {@code GET /status}. */
  public Map<String, Object> status() {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("nodeId", enrollment.nodeId());
    status.put("nodeName", enrollment.nodeName());
    status.put("pair", Map.of("id", enrollment.pairId(), "name", enrollment.pairName()));
    Map<String, Object> channel = new LinkedHashMap<>();
    channel.put("endpoints", enrollment.channelEndpoints());
    channel.put("connected", channelConnected);
    status.put("channel", channel);
    Applied current = applied;
    if (current != null) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("version", current.version());
      map.put("contentHash", current.contentHash());
      map.put("source", current.source());
      map.put("at", current.at().toString());
      status.put("applied", map);
    } else {
      status.put("applied", null);
    }
    Rejection last = rejection;
    if (last != null) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("version", last.version());
      map.put("code", last.code());
      map.put("reason", last.reason());
      map.put("source", last.source());
      map.put("at", last.at().toString());
      status.put("lastRejection", map);
    }
    return status;
  }
}
