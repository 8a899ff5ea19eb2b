package dev.zengate.management.domain.listener;

import dev.zengate.management.domain.certificate.ManagedCertificate;
import dev.zengate.management.domain.pair.GatewayPair;
import dev.zengate.management.domain.shared.InvalidInputException;
import dev.zengate.management.domain.shared.Names;
import dev.zengate.management.domain.shared.VersionedEntity;
import dev.zengate.management.domain.trust.TrustStore;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A virtual client, the appliance's TLS client function: the legacy server connects in plaintext to
 * the listen address and port; the gateway opens TLS to the remote destination (port conversion,
 * e.g. 5020 to 55020), verifies it against the trust store and name, and presents its client
 * certificate when one is set.
 */
@Entity
@Table(name = "virtual_client")
@NamedQuery(
    name = "VirtualClient.all",
    query = "SELECT v FROM VirtualClient v ORDER BY v.pair.name, v.name")
public class VirtualClient implements VersionedEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "pair_id")
  private GatewayPair pair;

  @Column(nullable = false)
  private String name;

  @Column(name = "listen_address", nullable = false)
  private String listenAddress;

  @Column(name = "listen_port", nullable = false)
  private int listenPort;

  @Column(name = "target_host", nullable = false)
  private String targetHost;

  @Column(name = "target_port", nullable = false)
  private int targetPort;

  @ManyToOne(optional = false)
  @JoinColumn(name = "trust_store_id")
  private TrustStore trustStore;

  @Column(name = "verify_name", nullable = false)
  private String verifyName;

  @ManyToOne
  @JoinColumn(name = "client_certificate_id")
  private ManagedCertificate clientCertificate;

  @Column(name = "source_address")
  private String sourceAddress;

  @ElementCollection
  @CollectionTable(
      name = "client_certificate_rule",
      joinColumns = @JoinColumn(name = "virtual_client_id"))
  @OrderColumn(name = "position")
  private List<ClientCertificateRule> clientCertificateRules = new ArrayList<>();

  @Embedded private TlsPolicy tls;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Version private long version;

  protected VirtualClient() {}

  public VirtualClient(GatewayPair pair, String name) {
    this.pair = pair;
    this.name = Names.require("name", "virtualClientName", name);
  }

  public void configure(
      String listenAddress,
      Integer listenPort,
      String targetHost,
      Integer targetPort,
      TrustStore trustStore,
      String verifyName,
      ManagedCertificate clientCertificate,
      boolean clientCertificateHasKey,
      String sourceAddress,
      List<ClientCertificateRule> rules,
      TlsPolicy tls) {
    this.listenAddress = Endpoint.ipAddress("listenAddress", listenAddress);
    this.listenPort = Endpoint.port("listenPort", listenPort);
    this.targetHost = Endpoint.hostOrIp("targetHost", targetHost);
    this.targetPort = Endpoint.port("targetPort", targetPort);
    if (trustStore == null) {
      throw InvalidInputException.at("trustStoreId", "vc.needsTrustStore");
    }
    this.trustStore = trustStore;
    this.verifyName =
        Endpoint.hostOrIp(
            "verifyName", verifyName == null || verifyName.isBlank() ? targetHost : verifyName);
    if (clientCertificate != null && !clientCertificateHasKey) {
      throw InvalidInputException.at(
          "clientCertificateId", "vc.clientCertificateWithoutKey", clientCertificate.id());
    }
    this.clientCertificate = clientCertificate;
    this.sourceAddress =
        sourceAddress == null || sourceAddress.isBlank()
            ? null
            : Endpoint.ipAddress("sourceAddress", sourceAddress);
    this.clientCertificateRules.clear();
    this.clientCertificateRules.addAll(rules);
    this.tls = tls;
    this.updatedAt = OffsetDateTime.now();
  }

  public Map<String, Object> auditView() {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("pair", pair.name());
    view.put("name", name);
    view.put("listen", listenAddress + ":" + listenPort);
    view.put("target", targetHost + ":" + targetPort);
    view.put("trustStore", trustStore == null ? null : trustStore.name());
    view.put("verifyName", verifyName);
    view.put(
        "clientCertificate",
        clientCertificate == null ? null : clientCertificate.sha256Fingerprint());
    view.put("sourceAddress", sourceAddress);
    view.put(
        "clientCertificateRules",
        clientCertificateRules.stream()
            .map(r -> r.destination() + " " + r.source() + " -> " + r.certificateId())
            .toList());
    view.put("protocols", tls == null ? null : tls.protocols());
    view.put("cipherSuites", tls == null ? null : tls.cipherSuites());
    return view;
  }

  public Long id() {
    return id;
  }

  public GatewayPair pair() {
    return pair;
  }

  public String name() {
    return name;
  }

  public String listenAddress() {
    return listenAddress;
  }

  public int listenPort() {
    return listenPort;
  }

  public String targetHost() {
    return targetHost;
  }

  public int targetPort() {
    return targetPort;
  }

  public TrustStore trustStore() {
    return trustStore;
  }

  public String verifyName() {
    return verifyName;
  }

  public ManagedCertificate clientCertificate() {
    return clientCertificate;
  }

  public String sourceAddress() {
    return sourceAddress;
  }

  public List<ClientCertificateRule> clientCertificateRules() {
    return List.copyOf(clientCertificateRules);
  }

  public TlsPolicy tls() {
    return tls;
  }

  @Override
  public long version() {
    return version;
  }
}
