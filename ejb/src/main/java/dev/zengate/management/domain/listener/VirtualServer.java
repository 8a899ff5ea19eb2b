package dev.zengate.management.domain.listener;

import dev.zengate.management.domain.certificate.ManagedCertificate;
import dev.zengate.management.domain.pair.GatewayPair;
import dev.zengate.management.domain.shared.InvalidInputException;
import dev.zengate.management.domain.shared.Names;
import dev.zengate.management.domain.shared.VersionedEntity;
import dev.zengate.management.domain.trust.TrustStore;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A virtual server, the appliance's TLS server function: partners connect with TLS to the bind
 * address and port; the gateway presents the certificate, checks client certificates as set, and
 * forwards plaintext to the real server.
 */
@Entity
@Table(name = "virtual_server")
@NamedQuery(
    name = "VirtualServer.ofPair",
    query = "SELECT v FROM VirtualServer v WHERE v.pair = :pair ORDER BY v.name")
@NamedQuery(
    name = "VirtualServer.all",
    query = "SELECT v FROM VirtualServer v ORDER BY v.pair.name, v.name")
public class VirtualServer implements VersionedEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "pair_id")
  private GatewayPair pair;

  @Column(nullable = false)
  private String name;

  @Column(name = "bind_address", nullable = false)
  private String bindAddress;

  @Column(name = "bind_port", nullable = false)
  private int bindPort;

  @Column(name = "target_address", nullable = false)
  private String targetAddress;

  @Column(name = "target_port", nullable = false)
  private int targetPort;

  @ManyToOne(optional = false)
  @JoinColumn(name = "certificate_id")
  private ManagedCertificate certificate;

  @Enumerated(EnumType.STRING)
  @Column(name = "client_auth", nullable = false)
  private ClientAuth clientAuth = ClientAuth.NONE;

  @ManyToOne
  @JoinColumn(name = "client_trust_store_id")
  private TrustStore clientTrustStore;

  @Embedded private TlsPolicy tls;

  @Column(name = "ocsp_stapling", nullable = false)
  private boolean ocspStapling;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Version private long version;

  protected VirtualServer() {}

  public VirtualServer(GatewayPair pair, String name) {
    this.pair = pair;
    this.name = Names.require("name", "virtualServerName", name);
  }

  /** Sets everything but the pair and name, checked as a whole. */
  public void configure(
      String bindAddress,
      Integer bindPort,
      String targetAddress,
      Integer targetPort,
      ManagedCertificate certificate,
      boolean certificateHasKey,
      ClientAuth clientAuth,
      TrustStore clientTrustStore,
      TlsPolicy tls,
      boolean ocspStapling) {
    this.bindAddress = Endpoint.ipAddress("bindAddress", bindAddress);
    this.bindPort = Endpoint.port("bindPort", bindPort);
    this.targetAddress = Endpoint.hostOrIp("targetAddress", targetAddress);
    this.targetPort = Endpoint.port("targetPort", targetPort);
    if (!certificateHasKey) {
      throw InvalidInputException.at("certificateId", "vs.certificateWithoutKey", certificate.id());
    }
    this.certificate = certificate;
    this.clientAuth = clientAuth == null ? ClientAuth.NONE : clientAuth;
    if (this.clientAuth != ClientAuth.NONE && clientTrustStore == null) {
      throw InvalidInputException.at(
          "clientTrustStoreId", "vs.clientAuthNeedsStore", this.clientAuth);
    }
    this.clientTrustStore = clientTrustStore;
    this.tls = tls;
    if (ocspStapling && !certificate.namesOcspResponder()) {
      throw InvalidInputException.at(
          "ocspStapling", "vs.staplingWithoutResponder", certificate.id());
    }
    if (ocspStapling && certificate.issuer() == null) {
      throw InvalidInputException.at("ocspStapling", "vs.staplingWithoutIssuer", certificate.id());
    }
    this.ocspStapling = ocspStapling;
    this.updatedAt = OffsetDateTime.now();
  }

  public Map<String, Object> auditView() {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("pair", pair.name());
    view.put("name", name);
    view.put("bind", bindAddress + ":" + bindPort);
    view.put("target", targetAddress + ":" + targetPort);
    view.put("certificate", certificate == null ? null : certificate.sha256Fingerprint());
    view.put("clientAuth", clientAuth.name());
    view.put("clientTrustStore", clientTrustStore == null ? null : clientTrustStore.name());
    view.put("ocspStapling", ocspStapling);
    view.put("protocols", tls == null ? null : tls.protocols());
    view.put("cipherSuites", tls == null ? null : tls.cipherSuites());
    view.put("revocation", tls == null ? null : tls.revocation().name());
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

  public String bindAddress() {
    return bindAddress;
  }

  public int bindPort() {
    return bindPort;
  }

  public String targetAddress() {
    return targetAddress;
  }

  public int targetPort() {
    return targetPort;
  }

  public ManagedCertificate certificate() {
    return certificate;
  }

  /** Whether the nodes staple an OCSP response about the certificate. */
  public boolean ocspStapling() {
    return ocspStapling;
  }

  public ClientAuth clientAuth() {
    return clientAuth;
  }

  public TrustStore clientTrustStore() {
    return clientTrustStore;
  }

  public TlsPolicy tls() {
    return tls;
  }

  @Override
  public long version() {
    return version;
  }
}
