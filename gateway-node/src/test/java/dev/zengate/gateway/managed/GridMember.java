package dev.zengate.gateway.managed;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.zengate.bundle.GridNames;
import java.util.UUID;

/**
 * An embedded Hazelcast member on 127.0.0.1 only, in a cluster of its own (unique name, tcp-ip join
 * to itself, no multicast), standing in for the management server's grid.
 */
final class GridMember implements AutoCloseable {

  final String cluster;
  final int port;
  private final HazelcastInstance instance;

  private GridMember(String cluster, int port, HazelcastInstance instance) {
    this.cluster = cluster;
    this.port = port;
    this.instance = instance;
  }

  static String newClusterName() {
    return "zengate-test-" + UUID.randomUUID();
  }

  static GridMember start(String cluster, int port) {
    Config config = new Config();
    config.setClusterName(cluster);
    config.setInstanceName(cluster + "-" + UUID.randomUUID());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.socket.bind.any", "false");
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.logging.type", "jdk");
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(port).setPortAutoIncrement(false).setReuseAddress(true);
    network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:" + port);
    return new GridMember(cluster, port, Hazelcast.newHazelcastInstance(config));
  }

  String address() {
    return "127.0.0.1:" + port;
  }

  IMap<String, String> bundles() {
    return instance.getMap(GridNames.BUNDLES);
  }

  IMap<String, String> reports() {
    return instance.getMap(GridNames.NODE_REPORTS);
  }

  @Override
  public void close() {
    instance.shutdown();
  }
}
