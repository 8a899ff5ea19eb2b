package dev.zengate.management.application;

import dev.zengate.bundle.PartnerCertificate;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Keeps the partners' certificates the nodes saw, once per (pair, node, listener, certificate): the
 * first report inserts, later ones move "last seen" forward (never back). Rows not seen for {@link
 * #RETENTION} are deleted by the certificate watch.
 */
@Stateless
public class PartnerCertificateRecorder {

  /** How long a partner certificate no node sees any more stays listed and watched. */
  public static final Duration RETENTION = Duration.ofDays(90);

  @PersistenceContext private EntityManager em;

  public void record(long pairId, long nodeId, List<PartnerCertificate> certificates) {
    for (PartnerCertificate c : certificates) {
      em.createNativeQuery(
              "INSERT INTO partner_certificate (pair_id, node_id, listener, peer_role,"
                  + " chain_position, sha256, subject_dn, issuer_dn, serial_number, not_before,"
                  + " not_after, first_seen_at, last_seen_at)"
                  + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
                  + " ON CONFLICT ON CONSTRAINT partner_certificate_once DO UPDATE SET"
                  + " last_seen_at = GREATEST(partner_certificate.last_seen_at,"
                  + " EXCLUDED.last_seen_at),"
                  + " first_seen_at = LEAST(partner_certificate.first_seen_at,"
                  + " EXCLUDED.first_seen_at),"
                  + " peer_role = EXCLUDED.peer_role, chain_position = EXCLUDED.chain_position")
          .setParameter(1, pairId)
          .setParameter(2, nodeId)
          .setParameter(3, c.listener())
          .setParameter(4, c.peerRole())
          .setParameter(5, c.position())
          .setParameter(6, c.sha256())
          .setParameter(7, c.subject())
          .setParameter(8, c.issuer())
          .setParameter(9, c.serial())
          .setParameter(10, timestamp(c.notBefore()))
          .setParameter(11, timestamp(c.notAfter()))
          .setParameter(12, timestamp(c.firstSeen()))
          .setParameter(13, timestamp(c.lastSeen()))
          .executeUpdate();
    }
  }

  /** Deletes what no node has seen for {@link #RETENTION} before {@code now}; returns how many. */
  public int prune(Instant now) {
    return em.createNativeQuery("DELETE FROM partner_certificate WHERE last_seen_at < ?1")
        .setParameter(1, Timestamp.from(now.minus(RETENTION)))
        .executeUpdate();
  }

  private static Timestamp timestamp(String instant) {
    return Timestamp.from(Instant.parse(instant));
  }
}
