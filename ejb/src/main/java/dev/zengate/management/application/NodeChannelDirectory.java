package dev.zengate.management.application;

import dev.zengate.management.infrastructure.channel.NodeIdentity;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** What the node channel reads from PostgreSQL: who a key belongs to, and its newest bundle. */
@Stateless
public class NodeChannelDirectory {

  @PersistenceContext private EntityManager em;

  public Optional<NodeIdentity> byChannelKey(String fingerprint) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT id, name, pair_id FROM gateway_node WHERE channel_key_fingerprint = ?1"
                    + " AND public_key IS NOT NULL")
            .setParameter(1, fingerprint)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = (Object[]) rows.get(0);
    return Optional.of(
        new NodeIdentity(
            ((Number) row[0]).longValue(), (String) row[1], ((Number) row[2]).longValue()));
  }

  public Optional<String> newerBundle(long nodeId, long runningVersion) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT signed_bundle FROM published_bundle WHERE node_id = ?1 AND version > ?2")
            .setParameter(1, nodeId)
            .setParameter(2, runningVersion)
            .getResultList();
    return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0));
  }
}
