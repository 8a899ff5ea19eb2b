package dev.zengate.management.application;

import com.hazelcast.map.IMap;
import dev.zengate.bundle.BundleContent;
import dev.zengate.bundle.ConfigBundle;
import dev.zengate.bundle.SignedBundle;
import dev.zengate.management.domain.audit.Actor;
import dev.zengate.management.domain.audit.AuditedChange;
import dev.zengate.management.domain.pair.GatewayNode;
import dev.zengate.management.domain.shared.UnavailableException;
import dev.zengate.management.infrastructure.grid.DataGrid;
import dev.zengate.management.infrastructure.grid.GridNames;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Publishes each enrolled node's compiled, signed bundle when its content changed: stored in
 * PostgreSQL (what a node that connects is answered with) and put into the grid, where the member
 * holding the node's channel forwards it at once. One publication at a time per server (a
 * write-locked singleton); versions come from a database sequence, so two servers publishing at
 * once still give every bundle its own, newer version.
 */
@Singleton
@Lock(LockType.WRITE)
public class BundlePublisher {

  private static final Logger LOG = Logger.getLogger(BundlePublisher.class.getName());

  @PersistenceContext private EntityManager em;
  @Inject private BundleCompiler compiler;
  @Inject private BundleSigningKeys signingKeys;
  @Inject private DataGrid grid;
  @Inject private AuditTrail audit;
  @Inject private PublicationRequests requests;
  @Inject private PublicationFailures failures;

  /**
   * Publishes every enrolled node whose configuration changed (after a committed change). Changes
   * arriving meanwhile are coalesced into one more pass ({@link PublicationRequests}).
   */
  @Asynchronous
  public void publishAllChanged() {
    if (!requests.take()) {
      return; // an earlier pass already covered this request
    }
    List<GatewayNode> nodes =
        em.createQuery(
                "SELECT n FROM GatewayNode n JOIN FETCH n.pair WHERE n.publicKey IS NOT NULL"
                    + " ORDER BY n.id",
                GatewayNode.class)
            .getResultList();
    try {
      publish(nodes, false, Actor.system(), compiler.preloadedCache(), forgetRemovedNodes(nodes));
    } catch (RuntimeException e) {
      // Rolled back: kept visible on the nodes, in the audit trail and the log instead.
      failures.failed(Actor.system(), ids(nodes), e);
    }
  }

  /**
   * A removed (or re-created) node's bundle must not stay in the grid (PostgreSQL drops it with the
   * node). Returns the keys of the bundles that stay.
   */
  private Set<String> forgetRemovedNodes(List<GatewayNode> enrolled) {
    Set<String> present =
        new HashSet<>(grid.map(GridNames.BUNDLES).map(IMap::keySet).orElse(Set.of()));
    Set<String> known =
        enrolled.stream().map(n -> GridNames.key(n.id())).collect(Collectors.toSet());
    for (String key : List.copyOf(present)) {
      if (!known.contains(key)) {
        grid.map(GridNames.BUNDLES).ifPresent(bundles -> bundles.delete(key));
        present.remove(key);
        LOG.info("bundle of removed node " + key + " deleted from the grid");
      }
    }
    return storedBundles();
  }

  /** Node ids (as grid keys) whose newest bundle is stored in PostgreSQL. */
  private Set<String> storedBundles() {
    List<?> ids = em.createNativeQuery("SELECT node_id FROM published_bundle").getResultList();
    Set<String> stored = new HashSet<>();
    for (Object id : ids) {
      stored.add(GridNames.key(((Number) id).longValue()));
    }
    return stored;
  }

  /** Publishes both nodes of a pair; {@code force} republishes unchanged content too. */
  public List<Publication> publishPair(Actor actor, long pairId, boolean force) {
    List<GatewayNode> nodes =
        em.createQuery(
                "SELECT n FROM GatewayNode n WHERE n.pair.id = :pair ORDER BY n.name",
                GatewayNode.class)
            .setParameter("pair", pairId)
            .getResultList();
    try {
      return publish(nodes, force, actor, new CompilationCache(), storedBundles());
    } catch (RuntimeException e) {
      throw new UnavailableException(
          "publication failed: " + failures.failed(actor, ids(nodes), e));
    }
  }

  private static List<Long> ids(List<GatewayNode> nodes) {
    return nodes.stream().filter(n -> n.publicKey() != null).map(GatewayNode::id).toList();
  }

  /**
   * One pass: hash every node's content cheaply (keys left out), then compile, seal, sign and put
   * only the changed ones, in one grid call, with one audit event for the pass.
   */
  private List<Publication> publish(
      List<GatewayNode> nodes,
      boolean force,
      Actor actor,
      CompilationCache cache,
      Set<String> present) {
    long started = System.nanoTime();
    Optional<IMap<String, String>> bundles = grid.map(GridNames.BUNDLES);
    List<Publication> outcomes = new ArrayList<>();
    Map<GatewayNode, String> changed = new LinkedHashMap<>();
    for (GatewayNode node : nodes) {
      if (node.publicKey() == null) {
        outcomes.add(new Publication(node.id(), node.name(), "not-enrolled", 0, null));
      } else {
        String hash = compiler.compileUnsealed(node, cache).hash();
        // A bundle published before V9 was kept in grid memory only: publish it again.
        boolean unchanged =
            hash.equals(node.publishedHash()) && present.contains(GridNames.key(node.id()));
        if (unchanged && !force) {
          outcomes.add(
              new Publication(node.id(), node.name(), "unchanged", node.publishedVersion(), hash));
        } else {
          changed.put(node, hash);
        }
      }
    }
    if (changed.isEmpty()) {
      failures.succeeded(ids(nodes));
      return outcomes;
    }
    long hashed = System.nanoTime();
    List<Long> versions = nextVersions(changed.size());
    KeyPair keys = signingKeys.current();
    Map<String, String> signed = new HashMap<>();
    List<String> audited = new ArrayList<>();
    List<Published> published = new ArrayList<>();
    int index = 0;
    for (Map.Entry<GatewayNode, String> entry : changed.entrySet()) {
      GatewayNode node = entry.getKey();
      long version = versions.get(index++);
      BundleContent content = compiler.compile(node, cache);
      ConfigBundle bundle =
          new ConfigBundle(
              ConfigBundle.SCHEMA,
              node.pair().id(),
              node.pair().name(),
              node.id(),
              node.name(),
              version,
              Instant.now().toString(),
              entry.getValue(),
              content);
      signed.put(
          GridNames.key(node.id()),
          SignedBundle.sign(bundle, keys.getPrivate(), keys.getPublic()).toJson());
      published.add(new Published(node.id(), version, entry.getValue()));
      outcomes.add(new Publication(node.id(), node.name(), "published", version, entry.getValue()));
      audited.add(node.pair().name() + "/" + node.name() + "@" + version);
    }
    long compiled = System.nanoTime();
    recordPublished(published);
    storeBundles(published, signed);
    // After the commit would be better still; a node that misses this push is answered from
    // PostgreSQL when it next connects.
    bundles.ifPresent(map -> map.putAll(signed));
    failures.succeeded(ids(nodes));
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("published", signed.size());
    view.put("nodes", audited);
    audit.record(
        actor, new AuditedChange("bundle.publish", "bundle", "", null, AuditJson.of(view)));
    long done = System.nanoTime();
    LOG.info(
        String.format(
            "published %d of %d bundles in %d ms (hash %d ms, compile/seal/sign %d ms, store %d"
                + " ms)",
            signed.size(),
            nodes.size(),
            (done - started) / 1_000_000,
            (hashed - started) / 1_000_000,
            (compiled - hashed) / 1_000_000,
            (done - compiled) / 1_000_000));
    return outcomes;
  }

  private record Published(long nodeId, long version, String hash) {}

  /**
   * One statement for the whole pass (a JPQL bulk update per node would flush the persistence
   * context every time). Every value is a number or a hex hash this class computed.
   */
  private void recordPublished(List<Published> published) {
    StringBuilder values = new StringBuilder();
    for (Published p : published) {
      if (!p.hash().matches("[0-9a-f]{64}")) {
        throw new IllegalStateException("not a content hash: " + p.hash());
      }
      values.append(values.length() == 0 ? "" : ", ");
      values.append(String.format("(%d, %d, '%s')", p.nodeId(), p.version(), p.hash()));
    }
    em.createNativeQuery(
            "UPDATE gateway_node AS n SET published_version = v.version, published_hash = v.hash,"
                + " published_at = now() FROM (VALUES "
                + values
                + ") AS v (id, version, hash) WHERE n.id = v.id")
        .executeUpdate();
  }

  /** The newest bundle of each node, replacing the one before. */
  private void storeBundles(List<Published> published, Map<String, String> signed) {
    for (Published p : published) {
      em.createNativeQuery(
              "INSERT INTO published_bundle (node_id, version, content_hash, signed_bundle)"
                  + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (node_id) DO UPDATE SET"
                  + " version = EXCLUDED.version, content_hash = EXCLUDED.content_hash,"
                  + " signed_bundle = EXCLUDED.signed_bundle, published_at = now()")
          .setParameter(1, p.nodeId())
          .setParameter(2, p.version())
          .setParameter(3, p.hash())
          .setParameter(4, signed.get(GridNames.key(p.nodeId())))
          .executeUpdate();
    }
  }

  private List<Long> nextVersions(int count) {
    return em
        .createNativeQuery("SELECT nextval('bundle_version_seq') FROM generate_series(1, ?1)")
        .setParameter(1, count)
        .getResultList()
        .stream()
        .map(v -> ((Number) v).longValue())
        .sorted()
        .toList();
  }
}
