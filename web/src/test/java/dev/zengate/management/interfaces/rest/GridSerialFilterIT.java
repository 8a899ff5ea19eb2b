package dev.zengate.management.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.SerializerConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.serialization.impl.defaultserializers.JavaDefaultSerializers.JavaSerializer;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.StreamSerializer;
import com.hazelcast.query.Predicates;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import javax.management.ObjectName;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The data grid as an attacker on the cluster network meets it: a Hazelcast client that hands the
 * management member Java-serialised objects to deserialise. Open-source Hazelcast lets any client
 * in, so what protects the members is the deserialisation allow-list ({@code
 * dev.zengate.grid.filter.GridSerialFilter}, the JVM's {@code jdk.serialFilterFactory}): a class
 * outside it is refused, whether sent the Hazelcast way (type -2) or the Payara way (Payara's
 * global serializer, type 1, which Hazelcast's own filter settings never reach). And the grid port
 * is bound to the cluster interface only.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GridSerialFilterIT {

  @Deployment(testable = false)
  static WebArchive builtWar() {
    return Deployments.builtWar();
  }

  @ArquillianResource private URL deployment;

  private static int gridPort() {
    return Integer.parseInt(System.getProperty("zengate.test.grid.port"));
  }

  @Test
  void aMemberRefusesToDeserialiseClassesOutsideTheAllowList() throws Exception {
    // Make sure the member is up and has joined its grid before a client looks for it.
    new ManagementServer(deployment).get("api/health");
    HazelcastInstance client = HazelcastClient.newHazelcastClient(clientConfig());
    try {
      IMap<String, Object> map = client.getMap("zengate.filter-probe");

      // A predicate's operand is deserialised by the member that runs the query. An allowed JDK
      // class goes through: the filter is an allow-list, not a wall.
      assertTrue(map.values(Predicates.equal("this", new StringBuilder("allowed"))).isEmpty());

      // A class outside the list (any will do; an operand must be Comparable), sent as plain Java
      // serialisation (type -2).
      Exception hazelcastWay =
          assertThrows(
              Exception.class,
              () -> map.values(Predicates.equal("this", new File("/zengate-filter-probe"))));
      assertRefused(hazelcastWay, File.class);

      // The same through Payara's global serializer (type 1: a component id, then the object),
      // which deserialises with no Hazelcast filter at all.
      Exception payaraWay =
          assertThrows(
              Exception.class,
              () ->
                  map.values(Predicates.equal("this", new ObjectName("zengate:type=FilterProbe"))));
      assertRefused(payaraWay, ObjectName.class);

      // The member still serves the grid after refusing.
      map.put("still", "here");
      assertTrue("here".equals(map.get("still")));
      map.destroy();
    } finally {
      client.shutdown();
    }
  }

  @Test
  void theGridPortListensOnTheClusterInterfaceOnly() throws Exception {
    try (Socket cluster = new Socket()) {
      cluster.connect(new InetSocketAddress("127.0.0.1", gridPort()), 2_000);
    }
    // Another loopback address stands for every network that is not the cluster's.
    try (Socket elsewhere = new Socket()) {
      assertThrows(
          ConnectException.class,
          () -> elsewhere.connect(new InetSocketAddress("127.0.0.2", gridPort()), 2_000));
    }
  }

  private static void assertRefused(Exception refusal, Class<?> sent) {
    StringBuilder chain = new StringBuilder();
    for (Throwable t = refusal; t != null; t = t.getCause()) {
      chain.append(t).append('\n');
    }
    String text = chain.toString();
    // The JDK's refusal ("filter status: REJECTED") does not name the class.
    assertTrue(
        text.contains("filter status: REJECTED"),
        "expected the member's serial filter to reject " + sent.getName() + ", got:\n" + text);
  }

  private static ClientConfig clientConfig() {
    ClientConfig config = new ClientConfig();
    config.setClusterName(System.getProperty("zengate.test.grid.cluster"));
    config.getNetworkConfig().addAddress("127.0.0.1:" + gridPort());
    config
        .getConnectionStrategyConfig()
        .getConnectionRetryConfig()
        .setClusterConnectTimeoutMillis(60_000);
    config
        .getSerializationConfig()
        .addSerializerConfig(
            new SerializerConfig()
                .setTypeClass(ObjectName.class)
                .setImplementation(new PayaraFormat()));
    return config;
  }

  /** Writes what Payara's global serializer (type id 1) reads: a component id, then the object. */
  private static final class PayaraFormat implements StreamSerializer<Object>, Serializable {
    private final transient JavaSerializer java = new JavaSerializer(true, false, null);

    @Override
    public void write(ObjectDataOutput out, Object object) throws IOException {
      java.write(out, null);
      java.write(out, object);
    }

    @Override
    public Object read(ObjectDataInput in) throws IOException {
      java.read(in);
      return java.read(in);
    }

    @Override
    public int getTypeId() {
      return 1;
    }
  }
}
