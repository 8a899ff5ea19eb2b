package dev.zengate.management.application;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The partners' certificates the nodes saw, with where: soonest expiry first. */
@Stateless
public class PartnerCertificateListing {

  @PersistenceContext private EntityManager em;

  /** One row: a certificate as one node's listener saw it. */
  public record Seen(
      long id,
      long pairId,
      String pairName,
      long nodeId,
      String nodeName,
      String listener,
      String peerRole,
      int position,
      String sha256,
      String subject,
      String issuer,
      String serial,
      Instant notBefore,
      Instant notAfter,
      Instant firstSeen,
      Instant lastSeen) {}

  static final String SELECT =
      "SELECT pc.id, pc.pair_id, p.name, pc.node_id, n.name, pc.listener, pc.peer_role,"
          + " pc.chain_position, pc.sha256, pc.subject_dn, pc.issuer_dn, pc.serial_number,"
          + " pc.not_before, pc.not_after, pc.first_seen_at, pc.last_seen_at"
          + " FROM partner_certificate pc"
          + " JOIN gateway_pair p ON p.id = pc.pair_id"
          + " JOIN gateway_node n ON n.id = pc.node_id";

  /**
   * @param pairId only this pair's, or all when null
   * @param expiringWithinDays only those expiring within so many days (expired ones included)
   */
  public List<Seen> list(Long pairId, Integer expiringWithinDays, Instant now, int limit) {
    StringBuilder sql = new StringBuilder(SELECT).append(" WHERE TRUE");
    if (pairId != null) {
      sql.append(" AND pc.pair_id = ?1");
    }
    if (expiringWithinDays != null) {
      sql.append(" AND pc.not_after < ?2");
    }
    sql.append(" ORDER BY pc.not_after, pc.sha256, p.name, n.name, pc.listener LIMIT ")
        .append(limit);
    var query = em.createNativeQuery(sql.toString());
    if (pairId != null) {
      query.setParameter(1, pairId);
    }
    if (expiringWithinDays != null) {
      query.setParameter(
          2, java.sql.Timestamp.from(now.plus(java.time.Duration.ofDays(expiringWithinDays + 1L))));
    }
    return rows(query.getResultList());
  }

  static List<Seen> rows(List<?> result) {
    List<Seen> rows = new ArrayList<>();
    for (Object o : result) {
      Object[] r = (Object[]) o;
      rows.add(
          new Seen(
              ((Number) r[0]).longValue(),
              ((Number) r[1]).longValue(),
              (String) r[2],
              ((Number) r[3]).longValue(),
              (String) r[4],
              (String) r[5],
              (String) r[6],
              ((Number) r[7]).intValue(),
              ((String) r[8]).trim(),
              (String) r[9],
              (String) r[10],
              (String) r[11],
              WatchInventory.instant(r[12]),
              WatchInventory.instant(r[13]),
              WatchInventory.instant(r[14]),
              WatchInventory.instant(r[15])));
    }
    return rows;
  }
}
