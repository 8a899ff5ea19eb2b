package dev.zengate.management.application;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Where a certificate is used: as a virtual server's certificate, a virtual client's default or
 * rule-chosen client certificate, a CA in a trust store, or the issuer of stored certificates.
 * Answers "what breaks if this one expires or is removed".
 */
@Stateless
public class CertificateUsage {

  /**
   * One use.
   *
   * @param kind virtual-server, virtual-client, trust-store or issuer
   * @param id the using object's id
   * @param name its name (for an issuer: the subject of the certificate it issued)
   * @param pairId the pair it belongs to (null for trust stores and issued certificates)
   * @param pairName that pair's name
   * @param role what the certificate is for there (server, client, client-rule, ca, issuer)
   */
  public record Use(String kind, long id, String name, Long pairId, String pairName, String role) {}

  @PersistenceContext private EntityManager em;

  public List<Use> of(long certificateId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT 'virtual-server', v.id, v.name, p.id, p.name, 'server'"
                    + " FROM virtual_server v JOIN gateway_pair p ON p.id = v.pair_id"
                    + " WHERE v.certificate_id = ?1"
                    + " UNION ALL SELECT 'virtual-client', v.id, v.name, p.id, p.name, 'client'"
                    + " FROM virtual_client v JOIN gateway_pair p ON p.id = v.pair_id"
                    + " WHERE v.client_certificate_id = ?1"
                    + " UNION ALL SELECT DISTINCT 'virtual-client', v.id, v.name, p.id, p.name,"
                    + " 'client-rule' FROM client_certificate_rule r"
                    + " JOIN virtual_client v ON v.id = r.virtual_client_id"
                    + " JOIN gateway_pair p ON p.id = v.pair_id WHERE r.certificate_id = ?1"
                    + " UNION ALL SELECT 'trust-store', t.id, t.name, NULL, NULL, 'ca'"
                    + " FROM trust_store_certificate c JOIN trust_store t ON t.id = c.trust_store_id"
                    + " WHERE c.certificate_id = ?1"
                    + " UNION ALL SELECT 'issuer', c.id, c.subject_dn, NULL, NULL, 'issuer'"
                    + " FROM certificate c WHERE c.issuer_certificate_id = ?1 AND c.id <> ?1"
                    + " ORDER BY 1, 3")
            .setParameter(1, certificateId)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Use(
                    (String) r[0],
                    ((Number) r[1]).longValue(),
                    (String) r[2],
                    r[3] == null ? null : ((Number) r[3]).longValue(),
                    (String) r[4],
                    (String) r[5]))
        .toList();
  }
}
