package dev.zengate.management.application;

import dev.zengate.management.domain.audit.Actor;
import dev.zengate.management.domain.audit.AuditedChange;
import dev.zengate.management.domain.pair.GatewayNode;
import dev.zengate.management.domain.pair.GatewayPair;
import dev.zengate.management.domain.pair.PairSettings;
import dev.zengate.management.domain.shared.ConflictException;
import dev.zengate.management.domain.shared.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Gateway pairs and their nodes: create, read, change and delete, each change audited. */
@Stateless
public class PairService {

  @PersistenceContext private EntityManager em;
  @Inject private AuditTrail audit;
  @Inject private NotificationSecrets secrets;

  public List<GatewayPair> list(String search, int offset, int limit) {
    var query =
        search == null || search.isBlank()
            ? em.createNamedQuery("GatewayPair.all", GatewayPair.class)
            : em.createNamedQuery("GatewayPair.search", GatewayPair.class)
                .setParameter("text", "%" + search.toLowerCase(Locale.ROOT) + "%");
    // Load the page's nodes in one IN query rather than one query per pair.
    return query
        .setHint("eclipselink.batch", "p.nodes")
        .setHint("eclipselink.batch.type", "IN")
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  public GatewayPair get(long id) {
    GatewayPair pair = em.find(GatewayPair.class, id);
    if (pair == null) {
      throw new NotFoundException("pair", id);
    }
    return pair;
  }

  public GatewayPair create(Actor actor, String name, String site, String description) {
    GatewayPair pair = new GatewayPair(name, site, description);
    requireUniqueName(name, null);
    em.persist(pair);
    em.flush();
    em.persist(new PairSettings(pair.id()));
    audit.record(
        actor,
        new AuditedChange(
            "pair.create", "pair", pair.id().toString(), null, AuditJson.of(pair.auditView())));
    return pair;
  }

  public GatewayPair update(
      Actor actor, long id, long expectedVersion, String name, String site, String description) {
    GatewayPair pair = get(id);
    pair.requireVersion(expectedVersion, "pair", id);
    Map<String, Object> before = pair.auditView();
    requireUniqueName(name, pair.id());
    pair.describe(name, site, description);
    em.flush();
    audit.record(
        actor,
        new AuditedChange(
            "pair.update",
            "pair",
            pair.id().toString(),
            AuditJson.of(before),
            AuditJson.of(pair.auditView())));
    return pair;
  }

  public void delete(Actor actor, long id, long expectedVersion) {
    GatewayPair pair = get(id);
    pair.requireVersion(expectedVersion, "pair", id);
    Map<String, Object> before = pair.auditView();
    em.remove(pair);
    em.flush();
    audit.record(
        actor,
        new AuditedChange("pair.delete", "pair", String.valueOf(id), AuditJson.of(before), null));
  }

  public GatewayNode addNode(Actor actor, long pairId, String name, String host, int priority) {
    GatewayPair pair = get(pairId);
    GatewayNode node = pair.addNode(name, host, priority);
    em.flush();
    audit.record(
        actor,
        new AuditedChange(
            "node.create", "node", node.id().toString(), null, AuditJson.of(node.auditView())));
    return node;
  }

  public GatewayNode node(long pairId, String name) {
    GatewayNode node = get(pairId).node(name);
    if (node == null) {
      throw new NotFoundException("node", name + " of pair " + pairId);
    }
    return node;
  }

  public GatewayNode updateNode(
      Actor actor, long pairId, String name, long expectedVersion, String host, int priority) {
    GatewayNode node = node(pairId, name);
    node.requireVersion(expectedVersion, "node", name);
    Map<String, Object> before = node.auditView();
    node.change(host, priority);
    em.flush();
    audit.record(
        actor,
        new AuditedChange(
            "node.update",
            "node",
            node.id().toString(),
            AuditJson.of(before),
            AuditJson.of(node.auditView())));
    return node;
  }

  public void removeNode(Actor actor, long pairId, String name, long expectedVersion) {
    GatewayNode node = node(pairId, name);
    node.requireVersion(expectedVersion, "node", name);
    Map<String, Object> before = node.auditView();
    node.pair().removeNode(node);
    em.flush();
    audit.record(
        actor,
        new AuditedChange("node.delete", "node", node.id().toString(), AuditJson.of(before), null));
  }

  public PairSettings settings(long pairId) {
    get(pairId);
    PairSettings settings = em.find(PairSettings.class, pairId);
    if (settings == null) {
      settings = new PairSettings(pairId);
      em.persist(settings);
      em.flush();
    }
    return settings;
  }

  public PairSettings changeSettings(
      Actor actor, long pairId, long expectedVersion, PairSettingsSpec spec) {
    PairSettings settings = settings(pairId);
    settings.requireVersion(expectedVersion, "settings of pair", pairId);
    Map<String, Object> before = settings.auditView();
    settings.change(
        spec.httpProxyUrl(),
        spec.dnsServers(),
        spec.ntpServers(),
        spec.syslogTarget(),
        spec.expirySchedule(),
        spec.expiryWarningDays());
    String webhook = ChannelSpecs.webhookUrl(spec.webhookUrl());
    Long oldSecret = settings.webhookSecretId();
    NotificationSecrets.checkWebhookSecret(
        "webhookSecret", spec.webhookSecret(), oldSecret, webhook != null);
    var recipients = ChannelSpecs.recipients(spec.emailRecipients());
    String syslogCa = ChannelSpecs.caPem("syslogCaPem", spec.syslogCaPem());
    String webhookCa = ChannelSpecs.caPem("webhookCaPem", spec.webhookCaPem());
    Long secret =
        secrets.replace(
            oldSecret, spec.webhookSecret(), webhook != null, "webhook-secret:pair:" + pairId);
    settings.changeChannels(recipients, webhook, secret, webhookCa, syslogCa);
    em.flush();
    secrets.forget(oldSecret, secret);
    Map<String, Object> after = settings.auditView();
    if (!ChannelSpecs.blank(spec.webhookSecret())) {
      after.put("webhookSecret", "replaced");
    }
    audit.record(
        actor,
        new AuditedChange(
            "pair.settings",
            "pair",
            String.valueOf(pairId),
            AuditJson.of(before),
            AuditJson.of(after)));
    return settings;
  }

  private void requireUniqueName(String name, Long exceptId) {
    em.createNamedQuery("GatewayPair.byName", GatewayPair.class)
        .setParameter("name", name)
        .getResultStream()
        .filter(other -> !other.id().equals(exceptId))
        .findAny()
        .ifPresent(
            other -> {
              throw ConflictException.at("name", "pair.nameTaken", name);
            });
  }
}
