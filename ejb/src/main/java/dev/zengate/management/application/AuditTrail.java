package dev.zengate.management.application;

import dev.zengate.management.domain.audit.Actor;
import dev.zengate.management.domain.audit.AuditChain;
import dev.zengate.management.domain.audit.AuditCheckpoint;
import dev.zengate.management.domain.audit.AuditEvent;
import dev.zengate.management.domain.audit.AuditQuery;
import dev.zengate.management.domain.audit.AuditRow;
import dev.zengate.management.domain.audit.AuditedChange;
import dev.zengate.management.domain.audit.ChainVerification;
import dev.zengate.management.infrastructure.crypto.CheckpointSignatures;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Appends to, reads and verifies the audit trail. Events are written in the transaction of the
 * change they describe, so a change is stored if and only if its audit event is.
 */
@Stateless
public class AuditTrail {

  /** Serialises appends so that each event links to the one before it. */
  private static final long CHAIN_LOCK = 0x5A454E47L;

  private static final int VERIFY_BATCH = 500;

  /** Object types nodes' bundles are compiled from: a change to one may change a bundle. */
  private static final Set<String> CONFIGURATION =
      Set.of("certificate", "node", "pair", "trust-store", "virtual-server", "virtual-client");

  @PersistenceContext private EntityManager em;
  @Inject private Event<ConfigurationChanged> configurationChanges;
  @Inject private AuditCheckpoints checkpointRecord;

  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public AuditEvent record(Actor who, AuditedChange change) {
    if (CONFIGURATION.contains(change.objectType())) {
      configurationChanges.fire(new ConfigurationChanged(change.objectType()));
    }
    em.createNativeQuery("SELECT pg_advisory_xact_lock(" + CHAIN_LOCK + ")").getSingleResult();
    List<?> last =
        em.createNativeQuery("SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1")
            .getResultList();
    String previous = last.isEmpty() ? AuditEvent.GENESIS : (String) last.get(0);
    AuditEvent event = AuditEvent.append(who, change, OffsetDateTime.now(), previous);
    em.persist(event);
    return event;
  }

  /** Records in a transaction of its own: for events whose cause is rolled back (failed login). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordIndependently(Actor who, AuditedChange change) {
    record(who, change);
  }

  public List<AuditEvent> find(AuditQuery query) {
    Map<String, Object> parameters = new HashMap<>();
    String where = conditions(query, parameters);
    TypedQuery<AuditEvent> q =
        em.createQuery(
                "SELECT e FROM AuditEvent e" + where + " ORDER BY e.id DESC", AuditEvent.class)
            .setFirstResult(query.offset())
            .setMaxResults(query.limit());
    parameters.forEach(q::setParameter);
    return q.getResultList();
  }

  public long count(AuditQuery query) {
    Map<String, Object> parameters = new HashMap<>();
    String where = conditions(query, parameters);
    TypedQuery<Long> q = em.createQuery("SELECT COUNT(e) FROM AuditEvent e" + where, Long.class);
    parameters.forEach(q::setParameter);
    return q.getSingleResult();
  }

  /**
   * Walks the chain from the first event (every hash recomputed, every link followed), then
   * compares it with the signed checkpoints kept outside the database.
   */
  public ChainVerification verify() {
    List<AuditCheckpoint> checkpoints = checkpointRecord.recorded();
    Set<String> trusted = checkpointRecord.trustedKeys();
    AuditChain chain =
        new AuditChain(
            checkpoints.stream().map(AuditCheckpoint::sequence).collect(Collectors.toSet()));
    long afterId = 0;
    while (true) {
      List<AuditEvent> batch =
          em.createQuery(
                  "SELECT e FROM AuditEvent e WHERE e.id > :after ORDER BY e.id", AuditEvent.class)
              .setParameter("after", afterId)
              .setMaxResults(VERIFY_BATCH)
              .getResultList();
      if (batch.isEmpty()) {
        break;
      }
      for (AuditEvent event : batch) {
        if (!chain.add(AuditRow.of(event))) {
          return chain.result(checkpoints, c -> true);
        }
        afterId = event.id();
      }
      em.clear();
    }
    return chain.result(
        checkpoints, c -> trusted.contains(c.publicKey()) && CheckpointSignatures.valid(c));
  }

  private static String conditions(AuditQuery query, Map<String, Object> parameters) {
    List<String> clauses = new ArrayList<>();
    if (query.from() != null) {
      clauses.add("e.occurredAt >= :from");
      parameters.put("from", query.from());
    }
    if (query.to() != null) {
      clauses.add("e.occurredAt < :to");
      parameters.put("to", query.to());
    }
    addEquals(clauses, parameters, "actor", query.actor());
    addEquals(clauses, parameters, "objectType", query.objectType());
    addEquals(clauses, parameters, "objectId", query.objectId());
    addEquals(clauses, parameters, "action", query.action());
    return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
  }

  private static void addEquals(
      List<String> clauses, Map<String, Object> parameters, String field, String value) {
    if (value != null && !value.isBlank()) {
      clauses.add("e." + field + " = :" + field);
      parameters.put(field, value);
    }
  }
}
