package dev.zengate.management.domain.trust;

import dev.zengate.management.domain.certificate.ManagedCertificate;
import dev.zengate.management.domain.shared.Names;
import dev.zengate.management.domain.shared.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A named set of CA certificates (roots and intermediates): the client CAs a virtual server
 * accepts, or the server trust of a virtual client. The appliance held up to 64; this has no cap.
 */
@Entity
@Table(name = "trust_store")
@NamedQuery(name = "TrustStore.all", query = "SELECT t FROM TrustStore t ORDER BY t.name")
@NamedQuery(name = "TrustStore.byName", query = "SELECT t FROM TrustStore t WHERE t.name = :name")
public class TrustStore implements VersionedEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String description = "";

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Version private long version;

  @ManyToMany
  @JoinTable(
      name = "trust_store_certificate",
      joinColumns = @JoinColumn(name = "trust_store_id"),
      inverseJoinColumns = @JoinColumn(name = "certificate_id"))
  @OrderBy("subjectDn")
  private List<ManagedCertificate> certificates = new ArrayList<>();

  protected TrustStore() {}

  public TrustStore(String name, String description) {
    describe(name, description);
  }

  public final void describe(String name, String description) {
    this.name = Names.require("name", "trustStoreName", name);
    this.description = Names.optional("description", description, 2000);
    touch();
  }

  /** Adds a CA certificate; returns false when it is already in the store. */
  public boolean add(ManagedCertificate certificate) {
    if (certificates.contains(certificate)) {
      return false;
    }
    certificates.add(certificate);
    touch();
    return true;
  }

  public boolean remove(ManagedCertificate certificate) {
    touch();
    return certificates.remove(certificate);
  }

  private void touch() {
    this.updatedAt = OffsetDateTime.now();
  }

  public Map<String, Object> auditView() {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("name", name);
    view.put("description", description);
    view.put(
        "certificates", certificates.stream().map(ManagedCertificate::sha256Fingerprint).toList());
    return view;
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public List<ManagedCertificate> certificates() {
    return List.copyOf(certificates);
  }

  @Override
  public long version() {
    return version;
  }
}
