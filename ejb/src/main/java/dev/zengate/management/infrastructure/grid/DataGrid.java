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

  /**
   * Publishes this member's node-channel endpoint for enrollment answers; the entry is keyed by the
   * member's UUID and dropped with the member (see {@link #channelEndpoints}).
   */
  public void announceChannelEndpoint(String endpoint) {
    instance()
        .ifPresent(
            hz ->
                hz.<String, String>getMap(GridNames.CHANNEL_ENDPOINTS)
                    .set(hz.getCluster().getLocalMember().getUuid().toString(), endpoint));
  }

  /** The channel endpoints ({@code host:port}) of the members in the cluster now. */
  public List<String> channelEndpoints() {
    return instance()
        .map(
            hz -> {
              IMap<String, String> endpoints = hz.getMap(GridNames.CHANNEL_ENDPOINTS);
              return hz.getCluster().getMembers().stream()
                  .map(Member::getUuid)
                  .map(uuid -> endpoints.get(uuid.toString()))
                  .filter(java.util.Objects::nonNull)
                  .distinct()
                  .toList();
            })
        .orElse(List.of());
  }

  /** Tells every member that a node's enrollment was reset (its channel must close). */
  public void announceRevoked(long nodeId) {
    instance().ifPresent(hz -> hz.<Long>getTopic(GridNames.REVOKED_NODES).publish(nodeId));
  }
}
