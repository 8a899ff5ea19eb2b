package dev.zengate.gateway.managed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.bundle.BundleJson;
import dev.zengate.bundle.ConfigBundle;
import dev.zengate.bundle.NodeReport;
import dev.zengate.bundle.PublicKeys;
import dev.zengate.bundle.SignedBundle;
import dev.zengate.bundle.testsupport.Ports;
import dev.zengate.gateway.managed.channel.ChannelClient;
import dev.zengate.gateway.pair.MasterWitness;
import dev.zengate.gateway.testsupport.AdminCalls;
import dev.zengate.gateway.testsupport.EchoServer;
import dev.zengate.gateway.testsupport.Peers;
import dev.zengate.gateway.testsupport.TestPki;
import dev.zengate.gateway.testsupport.TestPki.Issued;
import dev.zengate.gateway.testsupport.TlsClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A managed node against a stand-in member on a real node channel (TLS 1.3, client certificate):
 * pushed bundles are verified, applied and served (real TLS handshakes), refusals keep the old
 * configuration, and the node survives the member going away and catches up when it returns.
 */
class ManagedNodeTest {

  @TempDir static Path shared;
  @TempDir Path dir;

  private ChannelStandIn member;
  private static EchoServer backend;
  private static Issued root;
  private static Issued ecServer;
  private static Issued rsaServer;
  private static SSLContext client;

  @BeforeAll
  static void start() throws Exception {
    backend = EchoServer.plain();
    TestPki pki = new TestPki(shared.resolve("pki"));
    root = pki.rootCa("root");
    ecServer =
        pki.server(root, "ec", TestPki.KeyType.EC_P256, List.of("localhost"), List.of("127.0.0.1"));
    rsaServer =
        pki.server(
            root, "rsa", TestPki.KeyType.RSA_2048, List.of("localhost"), List.of("127.0.0.1"));
    client = TlsClients.context(root, null);
  }

  @BeforeEach
  void startMember() throws Exception {
    member =
        new ChannelStandIn(dir.resolve("channel-pki"), Ports.freeOutsideEphemeralRange(1).get(0))
            .start();
  }

  @AfterEach
  void stopMember() {
    member.close();
  }

  @AfterAll
  static void stop() throws Exception {
    if (backend != null) {
      backend.close();
    }
  }

  @Test
  void appliesAPublishedBundleRotatesItsCertificateAndReports() throws Exception {
    TestBundles server = new TestBundles(101);
    int port = Ports.freeOutsideEphemeralRange(1).get(0);
    ConcurrentLinkedQueue<NodeReport> reports = member.reports;
    try (ManagedNode node = start(server)) {
      Await.until("channel connection", () -> node.state().channelConnected());
      assertTrue(node.node().engine().status().isEmpty(), "no bundle yet: no listeners");

      String v1 = server.signed(1, ecServer, root, port, backend.port());
      long put = System.nanoTime();
      member.publish(v1);
      Await.until("v1 applied", () -> node.state().appliedVersion() == 1);
      System.out.printf(
          "managed: put -> applied v1 in %d ms%n", (System.nanoTime() - put) / 1_000_000);
      String hash1 = contentHash(v1);
      assertEquals(hash1, node.state().applied().contentHash());
      Await.until(
          "applied report",
          () ->
              reports.stream()
                  .anyMatch(
                      r ->
                          r.event().equals("applied")
                              && r.appliedVersion() == 1
                              && hash1.equals(r.appliedHash())
                              && r.role().equals("STANDALONE")));

      try (SSLSocket established = Peers.tls(client, port)) {
        assertEquals("EC", peerKey(established));
        assertEquals("one\n", Peers.roundTrip(established, "one\n"));

        String v2 = server.signed(2, rsaServer, root, port, backend.port());
        put = System.nanoTime();
        member.publish(v2);
        Await.until("v2 applied", () -> node.state().appliedVersion() == 2);
        System.out.printf(
            "managed: put -> applied v2 (certificate rotation) in %d ms%n",
            (System.nanoTime() - put) / 1_000_000);
        try (SSLSocket fresh = Peers.tls(client, port)) {
          assertEquals("RSA", peerKey(fresh), "new handshakes see the new certificate");
          assertEquals("fresh\n", Peers.roundTrip(fresh, "fresh\n"));
        }
        assertEquals("two\n", Peers.roundTrip(established, "two\n"), "established stays up");
        assertEquals("EC", peerKey(established));

        Path state = stateDir(node);
        assertEquals(v2, Files.readString(state.resolve("bundle.json")));
        assertFalse(Files.readString(state.resolve("bundle.json")).contains("PRIVATE KEY"));
        try (Stream<Path> versions = Files.list(state.resolve("versions"))) {
          assertEquals(List.of("2"), versions.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals(
            "rw-------",
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(state.resolve("versions/2/keys/server.key"))));
        Await.until(
            "heartbeat with v2 and the open connection",
            () ->
                reports.stream()
                    .anyMatch(
                        r ->
                            r.event().equals("heartbeat")
                                && r.appliedVersion() == 2
                                && r.activeConnections() >= 1));
      }
      String status = admin(node, "/status");
      assertTrue(status.contains("\"managed\""), status);
      assertTrue(status.contains("\"connected\" : true"), status);
      assertTrue(status.contains("\"version\" : 2"), status);
    }
  }

  @Test
  void refusesRogueAndStaleBundlesAndKeepsServing() throws Exception {
    TestBundles server = new TestBundles(102);
    int port = Ports.freeOutsideEphemeralRange(1).get(0);
    ConcurrentLinkedQueue<NodeReport> reports = member.reports;
    try (ManagedNode node = start(server)) {
      String v1 = server.signed(1, ecServer, root, port, backend.port());
      member.publish(v1);
      Await.until("v1 applied", () -> node.state().appliedVersion() == 1);
      member.publish(server.signed(2, ecServer, root, port, backend.port()));
      Await.until("v2 applied", () -> node.state().appliedVersion() == 2);

      SignedBundle good =
          BundleJson.read(
              server.signed(3, rsaServer, root, port, backend.port()), SignedBundle.class);
      String unsigned = new SignedBundle(good.keyId(), good.payload(), "").toJson();
      KeyPair rogue = TestBundles.generate(PublicKeys.SIGNING_ALGORITHM);
      ConfigBundle forUs =
          server.bundle(
              server.nodeId,
              3,
              Map.of("server", rsaServer),
              Map.of(),
              TestBundles.serverListener(port, backend.port()),
              server.nodeKeys.publicKey());
      String otherKey = TestBundles.sign(forUs, rogue);
      String otherNode =
          TestBundles.sign(
              server.bundle(
                  server.nodeId + 1,
                  3,
                  Map.of("server", rsaServer),
                  Map.of(),
                  TestBundles.serverListener(port, backend.port()),
                  server.nodeKeys.publicKey()),
              server.management);
      String sealedElsewhere =
          TestBundles.sign(
              server.bundle(
                  server.nodeId,
                  3,
                  Map.of("server", rsaServer),
                  Map.of(),
                  TestBundles.serverListener(port, backend.port()),
                  NodeKeys.generate().publicKey()),
              server.management);
      String invalid =
          TestBundles.sign(
              server.bundle(
                  server.nodeId,
                  3,
                  Map.of("server", rsaServer),
                  Map.of(),
                  List.of(
                      Map.of(
                          "name",
                          "inbound",
                          "mode",
                          "server",
                          "bind",
                          "127.0.0.1:" + port,
                          "target",
                          "127.0.0.1:" + backend.port(),
                          "downstreamTls",
                          Map.of("certificate", "missing"))),
                  server.nodeKeys.publicKey()),
              server.management);

      refused(node, reports, server, unsigned, 3, "unsigned", port);
      refused(node, reports, server, otherKey, 3, "wrong-key", port);
      refused(node, reports, server, otherNode, 3, "wrong-node", port);
      refused(node, reports, server, v1, 1, "not-newer", port);
      refused(node, reports, server, sealedElsewhere, 3, "sealed-secret", port);
      refused(node, reports, server, invalid, 3, "invalid-config", port);
      assertTrue(
          node.state().rejection().reason().contains("unknown certificate 'missing'"),
          node.state().rejection().reason());

      String metrics = admin(node, "/metrics");
      for (String code :
          List.of(
              "unsigned",
              "wrong-key",
              "wrong-node",
              "not-newer",
              "sealed-secret",
              "invalid-config")) {
        assertTrue(
            metrics.contains("zengate_bundle_rejected_total{code=\"" + code + "\"} 1.0"), metrics);
      }
      assertTrue(metrics.contains("zengate_bundle_applied_version 2.0"), metrics);
      try (Stream<Path> versions = Files.list(stateDir(node).resolve("versions"))) {
        assertEquals(
            List.of("2"),
            versions.map(p -> p.getFileName().toString()).toList(),
            "refused bundles leave no files behind");
      }
    }
  }

  @Test
  void restartsFromTheCachedBundleWithoutTheChannelAndCatchesUpWhenItReturns() throws Exception {
    TestBundles server = new TestBundles(103);
    int port = Ports.freeOutsideEphemeralRange(1).get(0);
    Path state;
    try (ManagedNode node = start(server)) {
      state = stateDir(node);
      member.publish(server.signed(1, ecServer, root, port, backend.port()));
      Await.until("v1 applied", () -> node.state().appliedVersion() == 1);
    }
    member.close();

    try (ManagedNode restarted = start(server, state)) {
      assertEquals(1, restarted.state().appliedVersion(), "served from bundle.json at start");
      try (SSLSocket socket = Peers.tls(client, port)) {
        assertEquals("EC", peerKey(socket));
        assertEquals("cached\n", Peers.roundTrip(socket, "cached\n"));
      }
      assertFalse(restarted.state().channelConnected());

      // Published while the node could not be reached: the member answers its hello with it.
      member.publish(server.signed(2, rsaServer, root, port, backend.port()));
      member.start();
      long since = System.nanoTime();
      Await.until("caught up to v2", () -> restarted.state().appliedVersion() == 2);
      System.out.printf(
          "managed: member back -> caught up in %d ms%n", (System.nanoTime() - since) / 1_000_000);
      assertTrue(restarted.state().channelConnected());
      try (SSLSocket socket = Peers.tls(client, port)) {
        assertEquals("RSA", peerKey(socket));
      }
    }
  }

  @Test
  void aMasterRenewsItsLeaseAndABackupAsksTheWitnessOverTheChannel() throws Exception {
    TestBundles server = new TestBundles(104);
    try (ManagedNode node = start(server)) {
      Await.until("channel connection", () -> node.state().channelConnected());
      ChannelWitness witness = witness(node);
      MasterWitness.Query query =
          new MasterWitness.Query(
              "pair-1", "node-104", "peer", Duration.ofSeconds(1), Duration.ofSeconds(2));
      assertEquals(Optional.of(true), witness.mayBecomeMaster(query));
      member.witnessVerdict = "refused";
      assertEquals(Optional.of(false), witness.mayBecomeMaster(query));
      member.witnessVerdict = "unknown";
      assertEquals(Optional.empty(), witness.mayBecomeMaster(query));
      assertTrue(member.leaseRenewals.isEmpty(), "not master: no renewal");
    }
    member.close();
    try (ManagedNode alone = start(server, dir.resolve("state"))) {
      assertEquals(
          Optional.empty(),
          witness(alone)
              .mayBecomeMaster(
                  new MasterWitness.Query(
                      "pair-1", "node-104", "peer", Duration.ofSeconds(1), Duration.ofSeconds(1))),
          "no channel: cannot tell (plain VRRP)");
    }
  }

  private static ChannelWitness witness(ManagedNode node) {
    return node.witness();
  }

  private void refused(
      ManagedNode node,
      ConcurrentLinkedQueue<NodeReport> reports,
      TestBundles server,
      String json,
      long version,
      String code,
      int port)
      throws Exception {
    member.push(json);
    Await.until(
        code + " rejection",
        () -> node.state().rejection() != null && node.state().rejection().code().equals(code));
    assertEquals(version, node.state().rejection().version());
    Await.until(
        code + " reported",
        () ->
            reports.stream()
                .anyMatch(
                    r ->
                        code.equals(r.rejectedCode())
                            && r.rejectedVersion() == version
                            && r.appliedVersion() == 2));
    assertEquals(2, node.state().appliedVersion());
    try (SSLSocket socket = Peers.tls(client, port)) {
      assertEquals("EC", peerKey(socket), "the old configuration keeps serving");
      assertEquals("still\n", Peers.roundTrip(socket, "still\n"));
    }
  }

  private ManagedNode start(TestBundles server) throws Exception {
    return start(server, dir.resolve("state"));
  }

  private ManagedNode start(TestBundles server, Path state) throws Exception {
    if (!Files.exists(state.resolve("enrollment.json"))) {
      server.enroll(state, member);
    }
    Path local = dir.resolve("local-" + server.nodeId + ".yaml");
    Files.writeString(
        local,
        "node:\n  tlsProvider: openssl\n  drainTimeout: 1s\n  admin:\n    listen: 127.0.0.1:"
            + Ports.free()
            + "\n");
    return ManagedNode.start(
        new ManagedNode.Settings(
            state,
            local,
            Duration.ofMillis(200),
            new ChannelClient.Backoff(Duration.ofMillis(100), Duration.ofMillis(500))));
  }

  private static String contentHash(String signed) throws Exception {
    SignedBundle envelope = BundleJson.read(signed, SignedBundle.class);
    return BundleJson.read(
            dev.zengate.bundle.Base64Text.decode(envelope.payload()), ConfigBundle.class)
        .contentHash();
  }

  private static String peerKey(SSLSocket socket) throws Exception {
    return socket.getSession().getPeerCertificates()[0].getPublicKey().getAlgorithm();
  }

  private Path stateDir(ManagedNode node) {
    return dir.resolve("state").toAbsolutePath().normalize();
  }

  private static String admin(ManagedNode node, String path) throws Exception {
    var admin = node.node().reloader().current().config().node().admin();
    return AdminCalls.call(admin.listen().port(), "GET", path, admin.tokenFile()).body();
  }
}
