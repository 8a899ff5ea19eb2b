package dev.zengate.management.application;

import dev.zengate.management.domain.pair.PairStatus;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What needs central IT's attention across every pair, counted in the database so that the overview
 * stays true with thousands of pairs (the console cannot load them all to count).
 */
@Stateless
public class PairAttention {

  /** How many items of each kind the overview lists; the rest are behind a link. */
  public static final int FIRST = 5;

  /**
   * One node (or, for split brain, one pair) that needs attention.
   *
   * @param since when it began: the publication not yet applied, the last heartbeat, the refusal or
   *     the first failed publication (null for split brain)
   * @param detail the node's refusal or the publication's failure, if any
   * @param publishedVersion the bundle version last published to the node
   * @param appliedVersion the version it last said it runs (null: none yet)
   */
  public record Item(
      long pairId,
      String pairName,
      String nodeName,
      OffsetDateTime since,
      String detail,
      Long publishedVersion,
      Long appliedVersion) {}

  /** The total of one kind and its first items, oldest first. */
  public record Kind(long count, List<Item> first) {}

  public record Summary(
      Kind outOfSync, Kind splitBrain, Kind notReporting, Kind rejected, Kind publicationFailing) {}

  private static final String ENROLLED = "n.public_key IS NOT NULL";

  @PersistenceContext private EntityManager em;

  public Summary now() {
    OffsetDateTime liveSince = OffsetDateTime.now(ZoneOffset.UTC).minus(PairStatus.LIVE_WITHIN);
    return new Summary(
        nodes(
            "n.published_at",
            "NULL",
            ENROLLED
                + " AND n.published_version > 0"
                + " AND n.published_hash IS DISTINCT FROM n.applied_config_hash",
            null),
        splitBrain(liveSince),
        nodes(
            "n.last_heartbeat_at",
            "NULL",
            ENROLLED + " AND (n.last_heartbeat_at IS NULL OR n.last_heartbeat_at <= ?1)",
            liveSince),
        nodes(
            "n.rejected_at",
            "n.rejected_code || ': ' || COALESCE(n.rejected_reason, '')",
            "n.rejected_code IS NOT NULL",
            null),
        nodes(
            "n.publication_failed_at",
            "n.publication_failure",
            "n.publication_failed_at IS NOT NULL",
            null));
  }

  private Kind nodes(String since, String detail, String where, OffsetDateTime parameter) {
    var query =
        em.createNativeQuery(
            "SELECT p.id, p.name, n.name, "
                + since
                + ", "
                + detail
                + ", COUNT(*) OVER (), n.published_version, n.applied_config_version"
                + " FROM gateway_node n JOIN gateway_pair p"
                + " ON p.id = n.pair_id WHERE "
                + where
                + " ORDER BY "
                + since
                + " NULLS FIRST, p.name, n.name LIMIT "
                + FIRST);
    if (parameter != null) {
      query.setParameter(1, Timestamp.from(parameter.toInstant()));
    }
    return kind(rows(query.getResultList()));
  }

  private Kind splitBrain(OffsetDateTime liveSince) {
    var query =
        em.createNativeQuery(
                "SELECT p.id, p.name, NULL, NULL, NULL, COUNT(*) OVER (), NULL, NULL"
                    + " FROM gateway_pair p"
                    + " WHERE (SELECT COUNT(*) FROM gateway_node n WHERE n.pair_id = p.id"
                    + " AND n.reported_role = 'MASTER' AND n.last_heartbeat_at > ?1) > 1"
                    + " ORDER BY p.name LIMIT "
                    + FIRST)
            .setParameter(1, Timestamp.from(liveSince.toInstant()));
    return kind(rows(query.getResultList()));
  }

  @SuppressWarnings("unchecked")
  private static List<Object[]> rows(List<?> result) {
    return (List<Object[]>) result;
  }

  private static Kind kind(List<Object[]> rows) {
    long count = rows.isEmpty() ? 0 : ((Number) rows.get(0)[5]).longValue();
    List<Item> first =
        rows.stream()
            .map(
                r ->
                    new Item(
                        ((Number) r[0]).longValue(),
                        (String) r[1],
                        (String) r[2],
                        time(r[3]),
                        (String) r[4],
                        number(r[6]),
                        number(r[7])))
            .toList();
    return new Kind(count, first);
  }

  private static Long number(Object value) {
    return value == null ? null : ((Number) value).longValue();
  }

  static OffsetDateTime time(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof OffsetDateTime t) {
      return t;
    }
    if (value instanceof Instant i) {
      return i.atOffset(ZoneOffset.UTC);
    }
    return ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
  }
}
