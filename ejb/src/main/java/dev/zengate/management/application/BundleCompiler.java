package dev.zengate.management.application;

import dev.zengate.bundle.BundleCertificate;
import dev.zengate.bundle.BundleContent;
import dev.zengate.bundle.PublicKeys;
import dev.zengate.bundle.SecretSealing;
import dev.zengate.management.domain.certificate.ManagedCertificate;
import dev.zengate.management.domain.certificate.SealedPrivateKey;
import dev.zengate.management.domain.listener.ClientAuth;
import dev.zengate.management.domain.listener.ClientCertificateRule;
import dev.zengate.management.domain.listener.NoAiaPolicy;
import dev.zengate.management.domain.listener.RevocationCheck;
import dev.zengate.management.domain.listener.TlsPolicy;
import dev.zengate.management.domain.listener.VirtualClient;
import dev.zengate.management.domain.listener.VirtualServer;
import dev.zengate.management.domain.pair.GatewayNode;
import dev.zengate.management.domain.pair.PairSettings;
import dev.zengate.management.domain.shared.InvalidInputException;
import dev.zengate.management.domain.trust.TrustStore;
import dev.zengate.management.infrastructure.crypto.EnvelopeSealer;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compiles what one node must run from the pair's virtual servers and clients, in the gateway
 * node's own configuration vocabulary (gateway-node/README.md), with each private key sealed to the
 * node. The entities were validated when they were stored; compilation refuses what the node could
 * not run (a certificate whose key is not held here).
 */
@Stateless
public class BundleCompiler {

  private static final java.util.regex.Pattern IP_LITERAL =
      java.util.regex.Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

  @PersistenceContext private EntityManager em;
  @Inject private CertificateService certificates;
  @Inject private PairService pairs;
  @Inject private EnvelopeSealer sealer;

  /**
   * The complete content, each private key sealed to the node. {@code cache} carries what a
   * publication pass already read (pairs' listeners, chains, opened keys) from node to node.
   */
  public BundleContent compile(GatewayNode node, CompilationCache cache) {
    return compile(node, PublicKeys.decode(PublicKeys.SEALING_ALGORITHM, node.publicKey()), cache);
  }

  /**
   * The content without its keys: enough for {@link BundleContent#hash()}, which does not cover
   * them, and far cheaper (no key is opened or sealed). Used to skip unchanged nodes.
   */
  public BundleContent compileUnsealed(GatewayNode node, CompilationCache cache) {
    return compile(node, null, cache);
  }

  private BundleContent compile(GatewayNode node, PublicKey nodeKey, CompilationCache cache) {
    Parts parts = new Parts(node.id(), nodeKey, cache);
    long pairId = node.pair().id();
    List<Map<String, Object>> listeners = new ArrayList<>();
    for (VirtualServer server : cache.servers(pairId, () -> servers(node))) {
      listeners.add(serverListener(server, node, parts));
    }
    for (VirtualClient client : cache.clients(pairId, () -> clients(node))) {
      listeners.add(clientListener(client, node, parts));
    }
    Map<String, Object> settings =
        cache.nodeSettings.computeIfAbsent(pairId, id -> nodeSettings(id));
    return new BundleContent(settings, parts.certificates, parts.trust, listeners);
  }

  /**
   * A cache holding every pair's listeners and settings, read with three queries instead of three
   * per pair: for a pass over all nodes.
   */
  public CompilationCache preloadedCache() {
    CompilationCache cache = new CompilationCache();
    cache.preload(
        em.createNamedQuery("VirtualServer.all", VirtualServer.class).getResultList(),
        em.createNamedQuery("VirtualClient.all", VirtualClient.class).getResultList());
    for (PairSettings settings :
        em.createQuery("SELECT s FROM PairSettings s", PairSettings.class).getResultList()) {
      cache.nodeSettings.put(settings.pairId(), settingsView(settings));
    }
    return cache;
  }

  private List<VirtualServer> servers(GatewayNode node) {
    return em.createNamedQuery("VirtualServer.ofPair", VirtualServer.class)
        .setParameter("pair", node.pair())
        .getResultList();
  }

  private List<VirtualClient> clients(GatewayNode node) {
    return em.createQuery(
            "SELECT v FROM VirtualClient v WHERE v.pair = :pair ORDER BY v.name",
            VirtualClient.class)
        .setParameter("pair", node.pair())
        .getResultList();
  }

  private Map<String, Object> nodeSettings(long pairId) {
    return settingsView(pairs.settings(pairId));
  }

  private static Map<String, Object> settingsView(PairSettings pairSettings) {
    return pairSettings.nodeSettings().nodeSection();
  }

  private Map<String, Object> serverListener(VirtualServer server, GatewayNode node, Parts parts) {
    Map<String, Object> tls = new LinkedHashMap<>();
    tls.put("certificate", parts.certificate(server.certificate()));
    tls.put("clientAuth", server.clientAuth().name().toLowerCase());
    if (server.clientAuth() != ClientAuth.NONE) {
      tls.put("clientTrust", parts.trust(server.clientTrustStore()));
      revocation(server.tls()).ifPresent(r -> tls.put("clientRevocation", r));
    }
    versionsAndSuites(server.tls(), tls);
    if (server.ocspStapling()) {
      tls.put("ocspStapling", true);
    }
    Map<String, Object> listener = new LinkedHashMap<>();
    listener.put("name", server.name());
    listener.put("mode", "server");
    listener.put("bind", hostPort(bindAddress(server.bindAddress(), node), server.bindPort()));
    listener.put("target", hostPort(server.targetAddress(), server.targetPort()));
    listener.put("downstreamTls", tls);
    return listener;
  }

  private Map<String, Object> clientListener(VirtualClient client, GatewayNode node, Parts parts) {
    Map<String, Object> tls = new LinkedHashMap<>();
    tls.put("trust", parts.trust(client.trustStore()));
    tls.put("verifyName", client.verifyName());
    if (client.clientCertificate() != null) {
      tls.put("certificate", parts.certificate(client.clientCertificate()));
    }
    if (!client.clientCertificateRules().isEmpty()) {
      List<Map<String, Object>> rules = new ArrayList<>();
      for (ClientCertificateRule rule : client.clientCertificateRules()) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("destination", rule.destination());
        entry.put("source", rule.source());
        entry.put("certificate", parts.certificate(certificate(rule.certificateId())));
        rules.add(entry);
      }
      tls.put("certificateRules", rules);
    }
    versionsAndSuites(client.tls(), tls);
    revocation(client.tls()).ifPresent(r -> tls.put("revocation", r));
    Map<String, Object> listener = new LinkedHashMap<>();
    listener.put("name", client.name());
    listener.put("mode", "client");
    listener.put("bind", hostPort(bindAddress(client.listenAddress(), node), client.listenPort()));
    listener.put("target", hostPort(client.targetHost(), client.targetPort()));
    listener.put("upstreamTls", tls);
    if (client.sourceAddress() != null) {
      listener.put("sourceAddress", client.sourceAddress());
    }
    return listener;
  }

  private static void versionsAndSuites(TlsPolicy policy, Map<String, Object> tls) {
    if (policy == null) {
      return;
    }
    tls.put("protocols", policy.protocols());
    if (!policy.cipherSuites().isEmpty()) {
      tls.put("cipherSuites", policy.cipherSuites());
    }
  }

  private static java.util.Optional<Map<String, Object>> revocation(TlsPolicy policy) {
    if (policy == null || policy.revocation() == RevocationCheck.NONE) {
      return java.util.Optional.empty();
    }
    Map<String, Object> revocation = new LinkedHashMap<>();
    revocation.put("mode", policy.revocation().name().toLowerCase());
    revocation.put("acceptWithoutLocation", policy.noAiaPolicy() == NoAiaPolicy.ACCEPT);
    return java.util.Optional.of(revocation);
  }

  /**
   * The unspecified address (0.0.0.0 or ::) means "this node's own address": the two nodes of a
   * pair then each bind their host's address (when it is an IP literal) instead of every interface.
   */
  static String bindAddress(String configured, GatewayNode node) {
    boolean unspecified = configured.equals("0.0.0.0") || configured.equals("::");
    return unspecified && IP_LITERAL.matcher(node.host()).matches() ? node.host() : configured;
  }

  private static String hostPort(String host, int port) {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  /** Certificates and trust sets the listeners refer to, each compiled once per bundle. */
  private ManagedCertificate certificate(Long id) {
    ManagedCertificate certificate = em.find(ManagedCertificate.class, id);
    if (certificate == null) {
      throw new InvalidInputException("client certificate rule names unknown certificate " + id);
    }
    return certificate;
  }

  private final class Parts {
    private final long nodeId;
    private final PublicKey nodeKey;
    private final CompilationCache cache;
    private final Map<String, BundleCertificate> certificates = new TreeMap<>();
    private final Map<String, List<String>> trust = new TreeMap<>();

    Parts(long nodeId, PublicKey nodeKey, CompilationCache cache) {
      this.nodeId = nodeId;
      this.nodeKey = nodeKey;
      this.cache = cache;
    }

    String certificate(ManagedCertificate certificate) {
      String name = "certificate-" + certificate.id();
      if (certificates.containsKey(name)) {
        return name;
      }
      String chain = cache.chains.computeIfAbsent(certificate.id(), id -> chainPem(certificate));
      if (nodeKey == null) {
        certificates.put(name, new BundleCertificate(chain, null));
      } else {
        byte[] pkcs8 = cache.keys.computeIfAbsent(certificate.id(), id -> openKey(certificate));
        certificates.put(
            name,
            new BundleCertificate(
                chain,
                SecretSealing.seal(pkcs8, nodeKey, BundleContent.secretContext(nodeId, name))));
      }
      return name;
    }

    private byte[] openKey(ManagedCertificate certificate) {
      SealedPrivateKey key =
          BundleCompiler.this
              .certificates
              .keyOf(certificate)
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "certificate " + certificate.id() + " has no private key here"));
      return sealer.open(key.sealed(), key.publicKeySha256());
    }

    private static String chainPem(ManagedCertificate certificate) {
      StringBuilder chain = new StringBuilder();
      List<ManagedCertificate> links = certificate.chain();
      for (ManagedCertificate link : links) {
        // Partners have the root; sending it only costs bytes in every handshake.
        boolean selfSignedRoot = link.subjectDn().equals(link.issuerDn()) && links.size() > 1;
        if (!selfSignedRoot) {
          chain.append(link.pem());
        }
      }
      return chain.toString();
    }

    String trust(TrustStore store) {
      String name = "trust-" + store.id();
      trust.computeIfAbsent(
          name,
          n ->
              cache.trustStores.computeIfAbsent(
                  store.id(),
                  id -> store.certificates().stream().map(ManagedCertificate::pem).toList()));
      return name;
    }
  }
}
