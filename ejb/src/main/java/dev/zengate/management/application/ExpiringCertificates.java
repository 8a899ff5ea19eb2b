package dev.zengate.management.application;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored certificates by expiry band (expired, within 15, 30 and 60 days), counted in the
 * database with the soonest few of each: the overview's certificate cards with any number of
 * certificates. The bands follow whole days left, as the certificate views count them.
 */
@Stateless
public class ExpiringCertificates {

  public record Item(long id, String subject, OffsetDateTime notAfter) {}

  public record Band(long count, List<Item> first) {}

  @PersistenceContext private EntityManager em;

  /** Band name to its certificates; the upper bound of each band is exclusive. */
  public Map<String, Band> now() {
    Instant now = Instant.now();
    Map<String, Band> bands = new LinkedHashMap<>();
    bands.put("expired", band(Instant.EPOCH, now));
    bands.put("within15", band(now, now.plus(Duration.ofDays(16))));
    bands.put("within30", band(now.plus(Duration.ofDays(16)), now.plus(Duration.ofDays(31))));
    bands.put("within60", band(now.plus(Duration.ofDays(31)), now.plus(Duration.ofDays(61))));
    return bands;
  }

  private Band band(Instant from, Instant until) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, subject_dn, not_after, COUNT(*) OVER () FROM certificate"
                    + " WHERE not_after >= ?1 AND not_after < ?2 ORDER BY not_after, id LIMIT "
                    + PairAttention.FIRST)
            .setParameter(1, Timestamp.from(from))
            .setParameter(2, Timestamp.from(until))
            .getResultList();
    long count = rows.isEmpty() ? 0 : ((Number) rows.get(0)[3]).longValue();
    List<Item> first =
        rows.stream()
            .map(
                r -> new Item(((Number) r[0]).longValue(), (String) r[1], PairAttention.time(r[2])))
            .toList();
    return new Band(count, first);
  }
}
