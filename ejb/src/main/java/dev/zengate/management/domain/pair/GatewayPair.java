package dev.zengate.management.domain.pair;

import dev.zengate.management.domain.shared.InvalidInputException;
import dev.zengate.management.domain.shared.Names;
import dev.zengate.management.domain.shared.VersionedEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A master/backup pair of gateway nodes beside one legacy server: the unit central IT configures.
 * It holds at most two nodes.
 */
@Entity
@Table(name = "gateway_pair")
@NamedQuery(name = "GatewayPair.all", query = "SELECT p FROM GatewayPair p ORDER BY p.name")
@NamedQuery(
    name = "GatewayPair.search",
    query =
        "SELECT p FROM GatewayPair p WHERE LOWER(p.name) LIKE :text OR LOWER(p.site) LIKE :text"
            + " ORDER BY p.name")
@NamedQuery(name = "GatewayPair.byName", query = "SELECT p FROM GatewayPair p WHERE p.name = :name")
public class GatewayPair implements VersionedEntity {

  public static final int MAX_NODES = 2;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String site = "";

  @Column(nullable = false)
  private String description = "";

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Version private long version;

  @OneToMany(mappedBy = "pair", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("name")
  private List<GatewayNode> nodes = new ArrayList<>();

  protected GatewayPair() {}

  public GatewayPair(String name, String site, String description) {
    describe(name, site, description);
  }

  public final void describe(String name, String site, String description) {
    this.name = Names.require("name", "pairName", name);
    this.site = Names.optional("site", site, 200);
    this.description = Names.optional("description", description, 2000);
    this.updatedAt = OffsetDateTime.now();
  }

  public GatewayNode addNode(String nodeName, String host, int priority) {
    if (nodes.size() >= MAX_NODES) {
      throw InvalidInputException.at(null, "pair.full", name, MAX_NODES);
    }
    if (node(nodeName) != null) {
      throw InvalidInputException.at("name", "pair.nodeExists", name, nodeName);
    }
    GatewayNode node = new GatewayNode(this, nodeName, host, priority);
    nodes.add(node);
    return node;
  }

  public void removeNode(GatewayNode node) {
    nodes.remove(node);
  }

  public GatewayNode node(String nodeName) {
    return nodes.stream().filter(n -> n.name().equals(nodeName)).findFirst().orElse(null);
  }

  public Map<String, Object> auditView() {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("name", name);
    view.put("site", site);
    view.put("description", description);
    return view;
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String site() {
    return site;
  }

  public String description() {
    return description;
  }

  public List<GatewayNode> nodes() {
    return List.copyOf(nodes);
  }

  @Override
  public long version() {
    return version;
  }
}
