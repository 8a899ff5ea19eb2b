package dev.zengate.management.application;

import dev.zengate.management.domain.audit.Actor;
import dev.zengate.management.domain.audit.AuditedChange;
import dev.zengate.management.domain.certificate.ManagedCertificate;
import dev.zengate.management.domain.listener.ClientCertificateRule;
import dev.zengate.management.domain.listener.TlsPolicy;
import dev.zengate.management.domain.listener.VirtualClient;
import dev.zengate.management.domain.listener.VirtualServer;
import dev.zengate.management.domain.pair.GatewayPair;
import dev.zengate.management.domain.shared.ConflictException;
import dev.zengate.management.domain.shared.InvalidInputException;
import dev.zengate.management.domain.shared.Message;
import dev.zengate.management.domain.shared.NotFoundException;
import dev.zengate.management.domain.trust.TrustStore;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Virtual servers and virtual clients of the pairs, validated as a whole before anything is stored:
 * addresses and ports, references, a key for every certificate the gateway presents, suites that
 * fit the key, no two listeners of a pair on one address and port.
 */
@Stateless
public class ListenerService {

  @PersistenceContext private EntityManager em;
  @Inject private PairService pairs;
  @Inject private CertificateService certificates;
  @Inject private TrustStoreService trustStores;
  @Inject private AuditTrail audit;

  public List<VirtualServer> virtualServers() {
    return em.createNamedQuery("VirtualServer.all", VirtualServer.class).getResultList();
  }

  public VirtualServer virtualServer(long id) {
    VirtualServer server = em.find(VirtualServer.class, id);
    if (server == null) {
      throw new NotFoundException("virtual server", id);
    }
    return server;
  }

  public VirtualServer createVirtualServer(Actor actor, VirtualServerSpec spec) {
    if (spec.pairId() == null) {
      throw InvalidInputException.at(
          "pairId", "listener.needsPair", new Message("listener.virtualServer"));
    }
    VirtualServer server = new VirtualServer(pairs.get(spec.pairId()), spec.name());
    requireUniqueName(server.pair(), spec.name());
    configure(server, spec);
    requireFreeAddress(server.pair(), server.bindAddress(), server.bindPort(), server, null);
    em.persist(server);
    em.flush();
    audit.record(
        actor,
        new AuditedChange(
            "virtual-server.create",
            "virtual-server",
            server.id().toString(),
            null,
            AuditJson.of(server.auditView())));
    return server;
  }

  public VirtualServer updateVirtualServer(
      Actor actor, long id, long expectedVersion, VirtualServerSpec spec) {
    VirtualServer server = virtualServer(id);
    server.requireVersion(expectedVersion, "virtual server", id);
    Map<String, Object> before = server.auditView();
    configure(server, spec);
    requireFreeAddress(server.pair(), server.bindAddress(), server.bindPort(), server, null);
    em.flush();
    audit.record(
        actor,
        new AuditedChange(
            "virtual-server.update",
            "virtual-server",
            server.id().toString(),
            AuditJson.of(before),
            AuditJson.of(server.auditView())));
    return server;
  }

  public void deleteVirtualServer(Actor actor, long id, long expectedVersion) {
    VirtualServer server = virtualServer(id);
    server.requireVersion(expectedVersion, "virtual server", id);
    Map<String, Object> before = server.auditView();
    em.remove(server);
    em.flush();
    audit.record(
        actor,
        new AuditedChange(
            "virtual-server.delete",
            "virtual-server",
            String.valueOf(id),
            AuditJson.of(before),
            null));
  }

  public List<VirtualClient> virtualClients() {
    return em.createNamedQuery("VirtualClient.all", VirtualClient.class).getResultList();
  }

  public VirtualClient virtualClient(long id) {
    VirtualClient client = em.find(VirtualClient.class, id);
    if (client == null) {
      throw new NotFoundException("virtual client", id);
    }
    return client;
  }

  public VirtualClient createVirtualClient(Actor actor, VirtualClientSpec spec) {
    if (spec.pairId() == null) {
      throw InvalidInputException.at(
          "pairId", "listener.needsPair", new Message("listener.virtualClient"));
    }
    VirtualClient client = new VirtualClient(pairs.get(spec.pairId()), spec.name());
    requireUniqueName(client.pair(), spec.name());
    configure(client, spec);
    requireFreeAddress(client.pair(), client.listenAddress(), client.listenPort(), null, client);
    em.persist(client);
    em.flush();
    audit.record(
        actor,
        new AuditedChange(
            "virtual-client.create",
            "virtual-client",
            client.id().toString(),
            null,
            AuditJson.of(client.auditView())));
    return client;
  }

  public VirtualClient updateVirtualClient(
      Actor actor, long id, long expectedVersion, VirtualClientSpec spec) {
    VirtualClient client = virtualClient(id);
    client.requireVersion(expectedVersion, "virtual client", id);
    Map<String, Object> before = client.auditView();
    configure(client, spec);
    requireFreeAddress(client.pair(), client.listenAddress(), client.listenPort(), null, client);
    em.flush();
    audit.record(
        actor,
        new AuditedChange(
            "virtual-client.update",
            "virtual-client",
            client.id().toString(),
            AuditJson.of(before),
            AuditJson.of(client.auditView())));
    return client;
  }

  public void deleteVirtualClient(Actor actor, long id, long expectedVersion) {
    VirtualClient client = virtualClient(id);
    client.requireVersion(expectedVersion, "virtual client", id);
    Map<String, Object> before = client.auditView();
    em.remove(client);
    em.flush();
    audit.record(
        actor,
        new AuditedChange(
            "virtual-client.delete",
            "virtual-client",
            String.valueOf(id),
            AuditJson.of(before),
            null));
  }

  private void configure(VirtualServer server, VirtualServerSpec spec) {
    if (spec.certificateId() == null) {
      throw InvalidInputException.at("certificateId", "vs.needsCertificate");
    }
    ManagedCertificate certificate = certificates.get(spec.certificateId());
    TrustStore clientTrust =
        spec.clientTrustStoreId() == null ? null : trustStores.get(spec.clientTrustStoreId());
    server.configure(
        spec.bindAddress(),
        spec.bindPort(),
        spec.targetAddress(),
        spec.targetPort(),
        certificate,
        certificates.keyOf(certificate).isPresent(),
        spec.clientAuth(),
        clientTrust,
        TlsPolicy.of(
            spec.protocols(),
            spec.cipherSuites(),
            spec.revocation(),
            spec.noAiaPolicy(),
            certificate.keyAlgorithm()),
        Boolean.TRUE.equals(spec.ocspStapling()));
  }

  private void configure(VirtualClient client, VirtualClientSpec spec) {
    if (spec.trustStoreId() == null) {
      throw InvalidInputException.at("trustStoreId", "vc.needsTrustStore");
    }
    ManagedCertificate clientCertificate =
        spec.clientCertificateId() == null ? null : certificates.get(spec.clientCertificateId());
    client.configure(
        spec.listenAddress(),
        spec.listenPort(),
        spec.targetHost(),
        spec.targetPort(),
        trustStores.get(spec.trustStoreId()),
        spec.verifyName(),
        clientCertificate,
        clientCertificate != null && certificates.keyOf(clientCertificate).isPresent(),
        spec.sourceAddress(),
        rules(spec.clientCertificateRules()),
        TlsPolicy.of(
            spec.protocols(),
            spec.cipherSuites(),
            spec.revocation(),
            spec.noAiaPolicy(),
            // The partner server's certificate decides which suites can be used, not the client
            // certificate (that one signs under signature_algorithms): no key to check against.
            null));
  }

  /** The rules as given, each certificate existing and with its key here. */
  private List<ClientCertificateRule> rules(List<ClientCertificateRuleSpec> specs) {
    if (specs == null) {
      return List.of();
    }
    List<ClientCertificateRule> rules = new ArrayList<>();
    for (ClientCertificateRuleSpec spec : specs) {
      int number = rules.size() + 1;
      ClientCertificateRule rule;
      try {
        rule = new ClientCertificateRule(spec.destination(), spec.source(), spec.certificateId());
      } catch (InvalidInputException e) {
        // Name the row: a table of rules is edited as a whole.
        throw e.within("clientCertificateRules", "rule.invalid", number);
      }
      ManagedCertificate certificate = certificates.get(rule.certificateId());
      if (certificates.keyOf(certificate).isEmpty()) {
        throw InvalidInputException.at(
            "clientCertificateRules", "rule.noKey", number, certificate.id());
      }
      rules.add(rule);
    }
    return rules;
  }

  private void requireUniqueName(GatewayPair pair, String name) {
    long servers =
        em.createQuery(
                "SELECT COUNT(v) FROM VirtualServer v WHERE v.pair = :pair AND v.name = :name",
                Long.class)
            .setParameter("pair", pair)
            .setParameter("name", name)
            .getSingleResult();
    long clients =
        em.createQuery(
                "SELECT COUNT(v) FROM VirtualClient v WHERE v.pair = :pair AND v.name = :name",
                Long.class)
            .setParameter("pair", pair)
            .setParameter("name", name)
            .getSingleResult();
    if (servers + clients > 0) {
      throw ConflictException.at("name", "listener.nameTaken", pair.name(), name);
    }
  }

  /**
   * No two listeners of a pair may bind the same address and port. Checked against what is stored
   * (no flush of the pending change first, which would hit the unique constraint instead).
   */
  private void requireFreeAddress(
      GatewayPair pair, String address, int port, VirtualServer self, VirtualClient selfClient) {
    List<VirtualServer> servers =
        em.createQuery(
                "SELECT v FROM VirtualServer v WHERE v.pair = :pair AND v.bindAddress = :address AND v.bindPort = :port",
                VirtualServer.class)
            .setFlushMode(FlushModeType.COMMIT)
            .setParameter("pair", pair)
            .setParameter("address", address)
            .setParameter("port", port)
            .getResultList();
    List<VirtualClient> clients =
        em.createQuery(
                "SELECT v FROM VirtualClient v WHERE v.pair = :pair AND v.listenAddress = :address AND v.listenPort = :port",
                VirtualClient.class)
            .setFlushMode(FlushModeType.COMMIT)
            .setParameter("pair", pair)
            .setParameter("address", address)
            .setParameter("port", port)
            .getResultList();
    servers.removeIf(s -> s == self);
    clients.removeIf(c -> c == selfClient);
    if (!servers.isEmpty() || !clients.isEmpty()) {
      String other = !servers.isEmpty() ? servers.get(0).name() : clients.get(0).name();
      throw ConflictException.at(
          selfClient != null ? "listenPort" : "bindPort",
          "listener.addressTaken",
          pair.name(),
          address + ":" + port,
          other);
    }
  }
}
