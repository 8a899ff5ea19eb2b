package dev.zengate.management.domain.pair;

import dev.zengate.management.domain.shared.InvalidInputException;
import dev.zengate.management.domain.shared.Names;
import dev.zengate.management.domain.shared.RefusedException;
import dev.zengate.management.domain.shared.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One gateway node of a pair. Its priority decides which node is master (VRRP-like, 1-254); the
 * role, applied configuration and heartbeat are what the node last reported.
 */
@Entity
@Table(name = "gateway_node")
public class GatewayNode implements VersionedEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "pair_id")
  private GatewayPair pair;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String host;

  @Column(nullable = false)
  private int priority;

  @Column(name = "reported_role", nullable = false)
  private String reportedRole = "UNKNOWN";

  @Column(name = "applied_config_version")
  private Long appliedConfigVersion;

  @Column(name = "applied_config_hash")
  private String appliedConfigHash;

  @Column(name = "last_heartbeat_at")
  private OffsetDateTime lastHeartbeatAt;

  // Enrollment and publication. Reports and publications update these with bulk statements that
  // leave the entity version alone, so an operator's If-Match is not invalidated by a heartbeat.
  @Column(name = "public_key")
  private String publicKey;

  @Column(name = "enrolled_at")
  private OffsetDateTime enrolledAt;

  @Column(name = "channel_key_fingerprint")
  private String channelKeyFingerprint;

  @Column(name = "published_version", nullable = false)
  private long publishedVersion;

  @Column(name = "published_hash")
  private String publishedHash;

  @Column(name = "published_at")
  private OffsetDateTime publishedAt;

  @Column(name = "publication_failed_at")
  private OffsetDateTime publicationFailedAt;

  @Column(name = "publication_failure")
  private String publicationFailure;

  @Column(name = "applied_at")
  private OffsetDateTime appliedAt;

  @Column(name = "rejected_version")
  private Long rejectedVersion;

  @Column(name = "rejected_code")
  private String rejectedCode;

  @Column(name = "rejected_reason")
  private String rejectedReason;

  @Column(name = "rejected_at")
  private OffsetDateTime rejectedAt;

  @Column(name = "started_at")
  private OffsetDateTime startedAt;

  @Column(name = "active_connections")
  private Long activeConnections;

  // What the node last reported about its settings and clock (written by the report recorder).
  @Column(name = "reported_settings", insertable = false, updatable = false)
  private String reportedSettings;

  @Column(name = "clock_state", insertable = false, updatable = false)
  private String clockState;

  @Column(name = "clock_offset_ms", insertable = false, updatable = false)
  private Long clockOffsetMillis;

  @Column(name = "clock_server", insertable = false, updatable = false)
  private String clockServer;

  @Column(name = "clock_checked_at", insertable = false, updatable = false)
  private OffsetDateTime clockCheckedAt;

  @Column(name = "clock_error", insertable = false, updatable = false)
  private String clockError;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Version private long version;

  protected GatewayNode() {}

  GatewayNode(GatewayPair pair, String name, String host, int priority) {
    this.pair = pair;
    this.name = Names.require("name", "nodeName", name);
    change(host, priority);
  }

  public final void change(String host, int priority) {
    if (host == null || host.isBlank() || host.length() > 255) {
      throw InvalidInputException.at("host", "node.host");
    }
    if (priority < 1 || priority > 254) {
      throw InvalidInputException.at("priority", "node.priority", priority);
    }
    this.host = host.trim();
    this.priority = priority;
    this.updatedAt = OffsetDateTime.now();
  }

  public Map<String, Object> auditView() {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("pair", pair.name());
    view.put("name", name);
    view.put("host", host);
    view.put("priority", priority);
    return view;
  }

  public Long id() {
    return id;
  }

  public GatewayPair pair() {
    return pair;
  }

  public String name() {
    return name;
  }

  public String host() {
    return host;
  }

  public int priority() {
    return priority;
  }

  /**
   * Records the node's X25519 public key that its secrets will be sealed to, and the fingerprint of
   * the channel key its client certificate was issued for (its identity on the node channel).
   *
   * @throws RefusedException when the node is enrolled already: an admin resets it first
   */
  public void enroll(String publicKey, String channelKeyFingerprint, OffsetDateTime at) {
    if (this.publicKey != null) {
      throw new RefusedException(
          "node "
              + name
              + " is already enrolled (since "
              + enrolledAt
              + "); an admin must reset its enrollment first");
    }
    this.publicKey = publicKey;
    this.channelKeyFingerprint = channelKeyFingerprint;
    this.enrolledAt = at;
  }

  /** Forgets the node's keys: its channel certificate is refused from now on. */
  public void resetEnrollment() {
    this.publicKey = null;
    this.channelKeyFingerprint = null;
    this.enrolledAt = null;
  }

  public String channelKeyFingerprint() {
    return channelKeyFingerprint;
  }

  public String publicKey() {
    return publicKey;
  }

  public OffsetDateTime enrolledAt() {
    return enrolledAt;
  }

  public long publishedVersion() {
    return publishedVersion;
  }

  public String publishedHash() {
    return publishedHash;
  }

  public OffsetDateTime publishedAt() {
    return publishedAt;
  }

  /** Since when publishing to this node fails (null: the last publication succeeded). */
  public OffsetDateTime publicationFailedAt() {
    return publicationFailedAt;
  }

  /** Why the last publication to this node failed, while it does. */
  public String publicationFailure() {
    return publicationFailure;
  }

  public OffsetDateTime appliedAt() {
    return appliedAt;
  }

  public Long rejectedVersion() {
    return rejectedVersion;
  }

  public String rejectedCode() {
    return rejectedCode;
  }

  public String rejectedReason() {
    return rejectedReason;
  }

  public OffsetDateTime rejectedAt() {
    return rejectedAt;
  }

  public OffsetDateTime startedAt() {
    return startedAt;
  }

  public Long activeConnections() {
    return activeConnections;
  }

  /** The node's applied pair settings as it reported them (canonical JSON), or null. */
  public String reportedSettings() {
    return reportedSettings;
  }

  public String clockState() {
    return clockState;
  }

  public Long clockOffsetMillis() {
    return clockOffsetMillis;
  }

  public String clockServer() {
    return clockServer;
  }

  public OffsetDateTime clockCheckedAt() {
    return clockCheckedAt;
  }

  public String clockError() {
    return clockError;
  }

  /** True when the node runs what was last published to it. */
  public boolean inSync() {
    return publishedHash != null && publishedHash.equals(appliedConfigHash);
  }

  public String reportedRole() {
    return reportedRole;
  }

  public Long appliedConfigVersion() {
    return appliedConfigVersion;
  }

  public String appliedConfigHash() {
    return appliedConfigHash;
  }

  public OffsetDateTime lastHeartbeatAt() {
    return lastHeartbeatAt;
  }

  @Override
  public long version() {
    return version;
  }
}
