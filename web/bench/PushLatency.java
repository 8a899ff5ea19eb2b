import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import dev.zengate.bundle.BundleContent;
import dev.zengate.bundle.BundleVerifier;
import dev.zengate.bundle.ConfigBundle;
import dev.zengate.bundle.GridNames;
import dev.zengate.bundle.NodeReport;
import dev.zengate.bundle.PublicKeys;
import dev.zengate.bundle.SecretSealing;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Push latency: from the API call that changes every node's configuration to every node's
 * acknowledgement. Simulated nodes are lightweight: a few Hazelcast clients, each carrying many
 * nodes, that do what a real node does with a bundle before it acknowledges (verify the signature
 * against the pinned key, check node and version, open every sealed key) and then write the
 * "applied" report. They do not start TLS listeners.
 *
 * <p>java -cp gateway-node/target/zengate-gateway.jar web/bench/PushLatency.java BASE_URL
 * ADMIN_PASSWORD NODES ROUNDS PKI_DIR
 */
public class PushLatency {

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static String base;
  static String auth;

  record SimNode(long id, String name, long pairId, KeyPair keys, BundleVerifier verifier) {}

  static final Map<Long, Long> runningVersion = new ConcurrentHashMap<>();
  static final Map<Long, Long> ackedAtNanos = new ConcurrentHashMap<>();
  static volatile CountDownLatch round = new CountDownLatch(0);
  static volatile long roundStart;

  public static void main(String[] args) throws Exception {
    try {
      run(args);
    } catch (Exception e) {
      e.printStackTrace();
      System.exit(1);
    }
  }

  static void run(String[] args) throws Exception {
    base = args[0].endsWith("/") ? args[0] : args[0] + "/";
    String password = args[1];
    int nodes = Integer.parseInt(args[2]);
    int rounds = Integer.parseInt(args[3]);
    Path pki = Path.of(args[4]);
    auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes());
    auth = "Bearer " + call("POST", "api/me/tokens", Map.of("name", "push-bench-" + System.nanoTime())).get("token").asText();

    long certificateId =
        call("POST", "api/certificates", Map.of(
                "certificates", Files.readString(pki.resolve("server.crt")),
                "privateKey", Files.readString(pki.resolve("server.key"))))
            .get("certificate").get("id").asLong();
    long trustId =
        call("POST", "api/trust-stores", Map.of(
                "name", "push-bench-partners", "certificates", Files.readString(pki.resolve("ca-0.crt"))))
            .get("id").asLong();

    long setupStart = System.nanoTime();
    List<SimNode> simNodes = new ArrayList<>();
    String enrollSigningKey = null;
    List<String> gridMembers = null;
    String gridCluster = null;
    for (int p = 0; p < nodes / 2; p++) {
      long pairId = call("POST", "api/pairs", Map.of("name", "push-" + p)).get("id").asLong();
      call("POST", "api/virtual-servers", Map.of(
          "pairId", pairId, "name", "vs", "bindAddress", "127.0.0.1", "bindPort", 20000 + p,
          "targetAddress", "127.0.0.1", "targetPort", 5020, "certificateId", certificateId,
          "clientAuth", "REQUIRED", "clientTrustStoreId", trustId));
      for (String n : List.of("a", "b")) {
        call("POST", "api/pairs/" + pairId + "/nodes", Map.of("name", n, "host", "127.0.0.1"));
        String token = call("POST", "api/pairs/" + pairId + "/nodes/" + n + "/enrollment", Map.of()).get("token").asText();
        KeyPair keys = KeyPairGenerator.getInstance("X25519").generateKeyPair();
        JsonNode enrollment = call("POST", "api/enrollment", Map.of("token", token, "publicKey", PublicKeys.encode(keys.getPublic())));
        enrollSigningKey = enrollment.get("signingKey").asText();
        gridCluster = enrollment.get("gridCluster").asText();
        gridMembers = new ArrayList<>();
        for (JsonNode m : enrollment.get("gridMembers")) gridMembers.add(m.asText());
        long nodeId = enrollment.get("nodeId").asLong();
        simNodes.add(new SimNode(nodeId, n, pairId, keys,
            new BundleVerifier(PublicKeys.decode(PublicKeys.SIGNING_ALGORITHM, enrollSigningKey), nodeId)));
      }
    }
    System.out.printf("setup: %d pairs, %d enrolled nodes through the API in %.1f s%n",
        nodes / 2, simNodes.size(), (System.nanoTime() - setupStart) / 1e9);

    int clients = Math.max(1, Math.min(10, nodes / 50));
    List<HazelcastInstance> grid = new ArrayList<>();
    CountDownLatch initial = new CountDownLatch(simNodes.size());
    round = initial;
    for (int c = 0; c < clients; c++) {
      ClientConfig config = new ClientConfig();
      config.setClusterName(gridCluster);
      config.getNetworkConfig().setAddresses(gridMembers);
      HazelcastInstance client = HazelcastClient.newHazelcastClient(config);
      grid.add(client);
      IMap<String, String> bundles = client.getMap(GridNames.BUNDLES);
      IMap<String, String> reports = client.getMap(GridNames.NODE_REPORTS);
      for (int i = c; i < simNodes.size(); i += clients) {
        SimNode node = simNodes.get(i);
        Listener listener = new Listener(node, reports);
        bundles.addEntryListener(listener, GridNames.key(node.id()), true);
        String current = bundles.get(GridNames.key(node.id()));
        if (current != null) listener.apply(current);
      }
    }
    if (!initial.await(300, TimeUnit.SECONDS)) {
      System.out.println("initial bundles: only " + (simNodes.size() - initial.getCount()) + " nodes applied");
    }
    System.out.printf("%d simulated nodes on %d grid clients applied their first bundle%n", simNodes.size(), clients);

    List<Double> perNode = new ArrayList<>();
    List<Double> allAcked = new ArrayList<>();
    int warmup = 3; // the management server's JIT compiles the publication path on these
    for (int r = 1; r <= warmup + rounds; r++) {
      Thread.sleep(2000); // let heartbeats and the previous pass settle
      String etag = etag("api/trust-stores/" + trustId);
      ackedAtNanos.clear();
      round = new CountDownLatch(simNodes.size());
      roundStart = System.nanoTime();
      call("POST", "api/trust-stores/" + trustId + "/certificates",
          Map.of("certificates", Files.readString(pki.resolve("ca-" + r + ".crt"))), etag);
      boolean all = round.await(120, TimeUnit.SECONDS);
      long end = System.nanoTime();
      double whole = ((all ? ackedAtNanos.values().stream().mapToLong(Long::longValue).max().orElse(end) : end) - roundStart) / 1e6;
      boolean measured = r > warmup;
      if (measured) {
        for (long at : ackedAtNanos.values()) perNode.add((at - roundStart) / 1e6);
        allAcked.add(whole);
      }
      System.out.printf("%s %d: %d/%d nodes acknowledged, last after %.0f ms%n", measured ? "round" : "warm-up", measured ? r - warmup : r, ackedAtNanos.size(), simNodes.size(), whole);
    }
    perNode.sort(null);
    allAcked.sort(null);
    System.out.printf("nodes=%d rounds=%d  per-node ack p50=%.0f ms p99=%.0f ms  all-acked p50=%.0f ms max=%.0f ms%n",
        simNodes.size(), rounds, pct(perNode, 50), pct(perNode, 99), pct(allAcked, 50), allAcked.get(allAcked.size() - 1));
    for (HazelcastInstance client : grid) client.shutdown();
    System.exit(0);
  }

  static double pct(List<Double> sorted, int p) {
    if (sorted.isEmpty()) return Double.NaN;
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  /** What a node does with a bundle before acknowledging it. */
  record Listener(SimNode node, IMap<String, String> reports)
      implements EntryAddedListener<String, String>, EntryUpdatedListener<String, String> {
    public void entryAdded(EntryEvent<String, String> e) { apply(e.getValue()); }
    public void entryUpdated(EntryEvent<String, String> e) { apply(e.getValue()); }

    synchronized void apply(String json) {
      try {
        long running = runningVersion.getOrDefault(node.id(), 0L);
        ConfigBundle bundle = node.verifier().verify(json, running);
        for (var entry : bundle.content().certificates().entrySet()) {
          SecretSealing.open(entry.getValue().key(), node.keys().getPrivate(), node.keys().getPublic(),
              BundleContent.secretContext(node.id(), entry.getKey()));
        }
        runningVersion.put(node.id(), bundle.version());
        reports.set(GridNames.key(node.id()), new NodeReport(node.id(), node.name(), node.pairId(), "applied",
            "STANDALONE", bundle.version(), bundle.contentHash(), 0, null, null,
            Instant.now().toString(), Instant.now().toString(), 0).toJson());
        if (ackedAtNanos.putIfAbsent(node.id(), System.nanoTime()) == null) round.countDown();
      } catch (Exception e) {
        System.err.println("node " + node.id() + ": " + e.getMessage());
      }
    }
  }

  static String etag(String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth).GET().build();
    return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).headers().firstValue("ETag").orElseThrow();
  }

  static JsonNode call(String method, String path, Map<String, ?> body) throws Exception {
    return call(method, path, body, null);
  }

  static JsonNode call(String method, String path, Map<String, ?> body, String ifMatch) throws Exception {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
    if (ifMatch != null) builder.header("If-Match", ifMatch);
    HttpRequest request = builder
        .header("Authorization", auth)
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
        .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " " + response.body());
    }
    return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
  }
}
