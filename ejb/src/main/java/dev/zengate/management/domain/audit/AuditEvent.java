package dev.zengate.management.domain.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * One entry of the audit trail: who did what to which object, when, from where, with the values
 * before and after (never secrets). Each event's hash covers its content and the previous event's
 * hash, so altering or removing a stored event breaks the chain from there on.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

  /** The previous hash of the very first event. */
  public static final String GENESIS = "0".repeat(64);

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "occurred_at", nullable = false)
  private OffsetDateTime occurredAt;

  @Column(nullable = false)
  private String actor;

  @Column(name = "source_address", nullable = false)
  private String sourceAddress;

  @Column(nullable = false)
  private String action;

  @Column(name = "object_type", nullable = false)
  private String objectType;

  @Column(name = "object_id", nullable = false)
  private String objectId;

  @Column(name = "before_value")
  private String before;

  @Column(name = "after_value")
  private String after;

  @Column(name = "previous_hash", nullable = false)
  private String previousHash;

  @Column(nullable = false)
  private String hash;

  protected AuditEvent() {}

  AuditEvent(Actor who, AuditedChange change, OffsetDateTime when, String previousHash) {
    // PostgreSQL keeps microseconds: hash exactly what will be read back.
    this.occurredAt = when.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    // What an attacker controls (a user name in a failed login, a node's report) can be longer
    // than a column: the event is kept, cut with a marker, rather than lost with its transaction.
    this.actor = fit(who.username(), 100);
    this.sourceAddress = fit(who.sourceAddress(), 64);
    this.action = fit(change.action(), 64);
    this.objectType = fit(change.objectType(), 64);
    this.objectId = fit(change.objectId(), 100);
    this.before = change.before();
    this.after = change.after();
    this.previousHash = previousHash;
    this.hash = computeHash();
  }

  static final String CUT_MARKER = "…(cut)";

  /** {@code value} if it fits in {@code width} characters, else its start and a marker. */
  static String fit(String value, int width) {
    if (value == null || value.length() <= width) {
      return value;
    }
    return value.substring(0, width - CUT_MARKER.length()) + CUT_MARKER;
  }

  /** The next event of a chain whose last hash is {@code previousHash}. */
  public static AuditEvent append(
      Actor who, AuditedChange change, OffsetDateTime when, String previousHash) {
    return new AuditEvent(who, change, when, previousHash);
  }

  /** Whether the stored hash still matches the stored content. */
  public boolean contentIntact() {
    return hash.equals(computeHash());
  }

  private String computeHash() {
    return AuditHash.of(
        occurredAt.withOffsetSameInstant(ZoneOffset.UTC).toInstant(),
        actor,
        sourceAddress,
        action,
        objectType,
        objectId,
        before,
        after,
        previousHash);
  }

  public Long id() {
    return id;
  }

  public OffsetDateTime occurredAt() {
    return occurredAt;
  }

  public String actor() {
    return actor;
  }

  public String sourceAddress() {
    return sourceAddress;
  }

  public String action() {
    return action;
  }

  public String objectType() {
    return objectType;
  }

  public String objectId() {
    return objectId;
  }

  public String before() {
    return before;
  }

  public String after() {
    return after;
  }

  public String previousHash() {
    return previousHash;
  }

  public String hash() {
    return hash;
  }
}
