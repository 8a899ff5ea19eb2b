package dev.zengate.management.application;

import dev.zengate.bundle.watch.ExpirySchedule;
import dev.zengate.bundle.watch.WatchPolicy;
import dev.zengate.management.domain.notification.ChannelSettings;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every stored certificate and where it is used: server certificates and their stored chains,
 * client certificates (a virtual client's own and its per-destination rules, with chains), CA
 * certificates of trust stores (per listener that uses the store, or alone). Read with plain SQL in
 * one pass.
 */
final class WatchInventory {

  private static final String USAGES =
      """
      SELECT vs.certificate_id, vs.pair_id, 'virtual server ' || vs.name || ': server certificate', TRUE
        FROM virtual_server vs
      UNION ALL
      SELECT tsc.certificate_id, vs.pair_id,
             'virtual server ' || vs.name || ': client CA (trust store ' || ts.name || ')', FALSE
        FROM virtual_server vs
        JOIN trust_store ts ON ts.id = vs.client_trust_store_id
        JOIN trust_store_certificate tsc ON tsc.trust_store_id = ts.id
      UNION ALL
      SELECT vc.client_certificate_id, vc.pair_id, 'virtual client ' || vc.name || ': client certificate', TRUE
        FROM virtual_client vc WHERE vc.client_certificate_id IS NOT NULL
      UNION ALL
      SELECT r.certificate_id, vc.pair_id,
             'virtual client ' || vc.name || ': client certificate for ' || r.destination, TRUE
        FROM client_certificate_rule r JOIN virtual_client vc ON vc.id = r.virtual_client_id
      UNION ALL
      SELECT tsc.certificate_id, vc.pair_id,
             'virtual client ' || vc.name || ': server trust (trust store ' || ts.name || ')', FALSE
        FROM virtual_client vc
        JOIN trust_store ts ON ts.id = vc.trust_store_id
        JOIN trust_store_certificate tsc ON tsc.trust_store_id = ts.id
      UNION ALL
      SELECT tsc.certificate_id, NULL, 'trust store ' || ts.name, FALSE
        FROM trust_store ts JOIN trust_store_certificate tsc ON tsc.trust_store_id = ts.id
      """;

  private record Certificate(
      long id,
      String sha256,
      String subject,
      String issuer,
      String serial,
      Instant notBefore,
      Instant notAfter,
      Long issuerId) {}

  private record Pair(String name, WatchPolicy policy, ChannelSettings.Routes routes) {}

  private WatchInventory() {}

  static WatchDefaults defaults(EntityManager em) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT expiry_schedule, expiry_warning_days"
                        + " FROM certificate_watch_settings WHERE id = 1")
                .getSingleResult();
    return new WatchDefaults(
        new WatchPolicy(ExpirySchedule.valueOf((String) row[0]), ((Number) row[1]).intValue()),
        ChannelSettingsStore.global(em),
        ChannelSettingsStore.smtp(em).orElse(null));
  }

  /** One entry per (certificate, pair using it); the global scope when no pair uses it. */
  static List<WatchEntry> read(EntityManager em) {
    WatchDefaults defaults = defaults(em);
    Map<Long, Certificate> certificates = new LinkedHashMap<>();
    for (Object o :
        em.createNativeQuery(
                "SELECT id, sha256_fingerprint, subject_dn, issuer_dn, serial_number, not_before,"
                    + " not_after, issuer_certificate_id FROM certificate ORDER BY not_after, id")
            .getResultList()) {
      Object[] r = (Object[]) o;
      long id = ((Number) r[0]).longValue();
      certificates.put(
          id,
          new Certificate(
              id,
              ((String) r[1]).trim(),
              (String) r[2],
              (String) r[3],
              (String) r[4],
              instant(r[5]),
              instant(r[6]),
              r[7] == null ? null : ((Number) r[7]).longValue()));
    }
    Map<Long, Pair> pairs = new HashMap<>();
    Map<Long, ChannelSettings> channels = ChannelSettingsStore.pairs(em);
    for (Object o :
        em.createNativeQuery(
                "SELECT p.id, p.name, s.expiry_schedule, s.expiry_warning_days"
                    + " FROM gateway_pair p LEFT JOIN pair_settings s ON s.pair_id = p.id")
            .getResultList()) {
      Object[] r = (Object[]) o;
      WatchPolicy policy =
          r[2] == null
              ? defaults.policy()
              : new WatchPolicy(ExpirySchedule.valueOf((String) r[2]), ((Number) r[3]).intValue());
      long pairId = ((Number) r[0]).longValue();
      ChannelSettings own = channels.getOrDefault(pairId, ChannelSettings.NONE);
      pairs.put(pairId, new Pair((String) r[1], policy, own.over(defaults.channels())));
    }
    // certificate -> pair (null: no pair) -> usages
    Map<Long, Map<Long, Set<String>>> usages = new HashMap<>();
    for (Object o : em.createNativeQuery(USAGES).getResultList()) {
      Object[] r = (Object[]) o;
      long certificateId = ((Number) r[0]).longValue();
      Long pairId = r[1] == null ? null : ((Number) r[1]).longValue();
      String usage = (String) r[2];
      boolean withChain = Boolean.TRUE.equals(r[3]);
      Set<Long> seen = new HashSet<>();
      for (Long id = certificateId; id != null && seen.add(id); ) {
        Certificate c = certificates.get(id);
        if (c == null) {
          break;
        }
        String line = id == certificateId ? usage : usage + ", chain";
        usages
            .computeIfAbsent(id, k -> new LinkedHashMap<>())
            .computeIfAbsent(pairId, k -> new LinkedHashSet<>())
            .add(line);
        id = withChain ? c.issuerId() : null;
      }
    }
    List<WatchEntry> entries = new ArrayList<>();
    for (Certificate c : certificates.values()) {
      // A HashMap: the key null (no pair) is asked for, which Map.of() refuses.
      Map<Long, Set<String>> byPair = usages.getOrDefault(c.id(), new HashMap<>());
      boolean usedByAPair = byPair.keySet().stream().anyMatch(k -> k != null);
      if (usedByAPair) {
        byPair.forEach(
            (pairId, lines) -> {
              if (pairId != null) {
                Pair pair = pairs.get(pairId);
                entries.add(
                    entry(c, pairId, pair.name(), lines, true, pair.policy(), pair.routes()));
              }
            });
      } else {
        Set<String> lines = byPair.getOrDefault(null, Set.of());
        entries.add(
            entry(
                c,
                null,
                null,
                lines,
                !lines.isEmpty(),
                defaults.policy(),
                defaults.channels().routes()));
      }
    }
    entries.addAll(partners(em, pairs));
    return entries;
  }

  /**
   * The partners' certificates the nodes saw, one entry per (certificate, pair) with where it was
   * seen, under the pair's schedule: they are in use as long as they are kept (the retention).
   */
  private static List<WatchEntry> partners(EntityManager em, Map<Long, Pair> pairs) {
    Map<String, List<PartnerCertificateListing.Seen>> byCertificateAndPair = new LinkedHashMap<>();
    for (PartnerCertificateListing.Seen seen :
        PartnerCertificateListing.rows(
            em.createNativeQuery(PartnerCertificateListing.SELECT + " ORDER BY pc.not_after, pc.id")
                .getResultList())) {
      byCertificateAndPair
          .computeIfAbsent(seen.sha256() + "/" + seen.pairId(), k -> new ArrayList<>())
          .add(seen);
    }
    List<WatchEntry> entries = new ArrayList<>();
    for (List<PartnerCertificateListing.Seen> sightings : byCertificateAndPair.values()) {
      PartnerCertificateListing.Seen first = sightings.get(0);
      Pair pair = pairs.get(first.pairId());
      if (pair == null) {
        continue;
      }
      Set<String> usages = new LinkedHashSet<>();
      for (PartnerCertificateListing.Seen seen : sightings) {
        usages.add(partnerUsage(seen));
      }
      entries.add(
          new WatchEntry(
              null,
              true,
              first.sha256(),
              first.subject(),
              first.issuer(),
              first.serial(),
              first.notBefore(),
              first.notAfter(),
              first.pairId(),
              pair.name(),
              List.copyOf(usages),
              true,
              pair.policy(),
              pair.routes()));
    }
    return entries;
  }

  /** "node gateway-a, virtual server zengin-inbound: partner client certificate[, chain]". */
  static String partnerUsage(PartnerCertificateListing.Seen seen) {
    boolean client = "client".equals(seen.peerRole());
    return "node "
        + seen.nodeName()
        + ", "
        + (client ? "virtual server " : "virtual client ")
        + seen.listener()
        + ": partner "
        + (client ? "client" : "server")
        + " certificate"
        + (seen.position() > 0 ? ", chain" : "")
        + " (last seen "
        + seen.lastSeen()
        + ")";
  }

  private static WatchEntry entry(
      Certificate c,
      Long pairId,
      String pairName,
      Set<String> usages,
      boolean inUse,
      WatchPolicy policy,
      ChannelSettings.Routes routes) {
    return new WatchEntry(
        c.id(),
        false,
        c.sha256(),
        c.subject(),
        c.issuer(),
        c.serial(),
        c.notBefore(),
        c.notAfter(),
        pairId,
        pairName,
        List.copyOf(usages),
        inUse,
        policy,
        routes);
  }

  static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof OffsetDateTime t) {
      return t.toInstant();
    }
    if (value instanceof Instant t) {
      return t;
    }
    if (value instanceof java.util.Date d) {
      return d.toInstant();
    }
    throw new IllegalStateException("not a time: " + value.getClass());
  }
}
