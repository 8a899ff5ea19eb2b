package dev.zengate.management.infrastructure.grid;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Payara's data grid, through which bundles reach the nodes and reports come back. It is absent
 * when Payara runs without clustering; callers then say so instead of failing the request.
 */
@ApplicationScoped
public class DataGrid {

  private static final Logger LOG = Logger.getLogger(DataGrid.class.getName());
  private static final String JNDI_NAME = "payara/Hazelcast";

  private volatile HazelcastInstance instance;

  public Optional<HazelcastInstance> instance() {
    HazelcastInstance found = instance;
    if (found == null) {
      try {
        found = (HazelcastInstance) new InitialContext().lookup(JNDI_NAME);
        instance = found;
      } catch (NamingException | ClassCastException e) {
        LOG.warning("data grid unavailable (" + JNDI_NAME + "): " + e.getMessage());
        return Optional.empty();
      }
    }
    return found.getLifecycleService().isRunning() ? Optional.of(found) : Optional.empty();
  }

  public Optional<IMap<String, String>> map(String name) {
    return instance().map(hz -> hz.getMap(name));
  }

  public String clusterName() {
    return instance().map(hz -> hz.getConfig().getClusterName()).orElse(null);
  }

  /** Addresses nodes connect to, as {@code host:port}. */
  public List<String> memberAddresses() {
    return instance()
        .map(
            hz ->
                hz.getCluster().getMembers().stream()
                    .map(Member::getAddress)
                    .map(a -> a.getHost() + ":" + a.getPort())
                    .toList())
        .orElse(List.of());
  }
}
