package dev.zengate.management.application;

import com.hazelcast.map.IMap;
import dev.zengate.bundle.BundleContent;
import dev.zengate.bundle.ConfigBundle;
import dev.zengate.bundle.GridNames;
import dev.zengate.bundle.SignedBundle;
import dev.zengate.management.domain.audit.Actor;
import dev.zengate.management.domain.audit.AuditedChange;
import dev.zengate.management.domain.pair.GatewayNode;
import dev.zengate.management.infrastructure.grid.DataGrid;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.KeyPair;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Publishes each enrolled node's compiled, signed bundle to the grid when its content changed. One
 * publication at a time per server (a write-locked singleton); versions come from a database
 * sequence, so two servers publishing at once still give every bundle its own, newer version.
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

  /** Publishes every enrolled node whose configuration changed (after a committed change). */
  @Asynchronous
  public void publishAllChanged() {
    List<GatewayNode> nodes =
        em.createQuery(
                "SELECT n FROM GatewayNode n WHERE n.publicKey IS NOT NULL ORDER BY n.id",
                GatewayNode.class)
            .getResultList();
    for (GatewayNode node : nodes) {
      try {
        publish(node, false, Actor.system());
      } catch (RuntimeException e) {
        LOG.warning("bundle for node " + node.id() + " not published: " + e.getMessage());
      }
    }
  }

  /** Publishes both nodes of a pair; {@code force} republishes unchanged content too. */
  public List<Publication> publishPair(Actor actor, long pairId, boolean force) {
    List<Publication> done = new ArrayList<>();
    for (GatewayNode node :
        em.createQuery(
                "SELECT n FROM GatewayNode n WHERE n.pair.id = :pair ORDER BY n.name",
                GatewayNode.class)
            .setParameter("pair", pairId)
            .getResultList()) {
      done.add(publish(node, force, actor));
    }
    return done;
  }

  private Publication publish(GatewayNode node, boolean force, Actor actor) {
    if (node.publicKey() == null) {
      return new Publication(node.id(), node.name(), "not-enrolled", 0, null);
    }
    Optional<IMap<String, String>> bundles = grid.map(GridNames.BUNDLES);
    if (bundles.isEmpty()) {
      return new Publication(node.id(), node.name(), "grid-unavailable", 0, null);
    }
    BundleContent content = compiler.compile(node);
    String hash = content.hash();
    String key = GridNames.key(node.id());
    // A restarted grid has lost its maps: republish what the nodes should have.
    if (!force && hash.equals(node.publishedHash()) && bundles.get().containsKey(key)) {
      return new Publication(
          node.id(), node.name(), "unchanged", node.publishedVersion(), node.publishedHash());
    }
    long version =
        ((Number) em.createNativeQuery("SELECT nextval('bundle_version_seq')").getSingleResult())
            .longValue();
    ConfigBundle bundle =
        new ConfigBundle(
            ConfigBundle.SCHEMA,
            node.pair().id(),
            node.pair().name(),
            node.id(),
            node.name(),
            version,
            Instant.now().toString(),
            hash,
            content);
    KeyPair keys = signingKeys.current();
    bundles.get().set(key, SignedBundle.sign(bundle, keys.getPrivate(), keys.getPublic()).toJson());
    em.createQuery(
            "UPDATE GatewayNode n SET n.publishedVersion = :version, n.publishedHash = :hash,"
                + " n.publishedAt = :at WHERE n.id = :id")
        .setParameter("version", version)
        .setParameter("hash", hash)
        .setParameter("at", OffsetDateTime.now())
        .setParameter("id", node.id())
        .executeUpdate();
    audit.record(
        actor,
        new AuditedChange(
            "bundle.publish",
            "bundle",
            node.id().toString(),
            null,
            AuditJson.of(
                Map.of(
                    "pair", node.pair().name(),
                    "node", node.name(),
                    "version", version,
                    "contentHash", hash,
                    "listeners", content.listeners().size()))));
    return new Publication(node.id(), node.name(), "published", version, hash);
  }
}
