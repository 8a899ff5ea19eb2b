package dev.zengate.management.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.bundle.NodeReport;
import dev.zengate.bundle.channel.ChannelMessage;
import dev.zengate.bundle.testsupport.Ports;
import dev.zengate.management.interfaces.rest.ManagementServer.Reply;
import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The management server and gateway nodes as separate processes, over the node channel: enrollment
 * with one-time tokens, a virtual server created through the API pushed to and served by both
 * nodes, a certificate change reaching new handshakes without dropping an established connection, a
 * restarted node serving its signed cache; and everything a node (or whoever holds its state
 * directory, or another CA's certificate) may not do on the channel, each refused.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GatewayEnrollmentIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Deployment(testable = false)
  static WebArchive builtWar() {
    return Deployments.builtWar();
  }

  @ArquillianResource private URL deployment;
  @TempDir Path work;

  @Test
  void enrolledNodesServeWhatTheApiConfiguresPushedOverTheChannel() throws Exception {
    ManagementServer admin = new ManagementServer(deployment).asAdmin();
    long pairId =
        admin.post("api/pairs", JsonBody.of(Map.of("name", "grid-pair"))).json().getInt("id");
    admin.post(
        "api/pairs/" + pairId + "/nodes",
        JsonBody.of(Map.of("name", "gw-a", "host", "127.0.0.1", "priority", 200)));
    admin.post(
        "api/pairs/" + pairId + "/nodes",
        JsonBody.of(Map.of("name", "gw-b", "host", "127.0.0.2", "priority", 100)));

    TestPki.Issued ca = TestPki.rootCa("CN=Grid Test CA " + System.nanoTime());
    long firstCertificate = importServerCertificate(admin, ca);
    int port = freePortOnBothLoopbacks();

    try (EchoBackend backend = new EchoBackend()) {
      // Bad input first: nothing is enrolled by a malformed or unknown token.
      Reply garbage =
          admin.post(
              "api/enrollment", JsonBody.of(Map.of("token", "not-a-token", "publicKey", "x")));
      assertEquals(422, garbage.status(), garbage.body());
      assertTrue(
          garbage.contentType().startsWith("application/problem+json"), garbage.contentType());

      long refusedBefore =
          Deployments.count(
              "SELECT COUNT(*) FROM audit_event WHERE action = 'node.enroll.refused'");
      String tokenA = issueToken(admin, pairId, "gw-a");
      String tokenB = issueToken(admin, pairId, "gw-b");
      Path stateA = work.resolve("a");
      Path stateB = work.resolve("b");
      assertEquals(0, enroll(tokenA, stateA), output("enroll-a"));
      assertEquals(1, enroll(tokenA, work.resolve("a-again")), "a used token must be refused");
      assertTrue(output("enroll-a-again").contains("already used"), output("enroll-a-again"));
      assertEquals(0, enroll(tokenB, stateB), output("enroll-b"));
      assertEquals(
          refusedBefore + 1,
          Deployments.count(
              "SELECT COUNT(*) FROM audit_event WHERE action = 'node.enroll.refused'"));

      Map<String, Object> server = new HashMap<>();
      server.put("pairId", pairId);
      server.put("name", "zengin-inbound");
      server.put("bindAddress", "0.0.0.0"); // each node's own address
      server.put("bindPort", port);
      server.put("targetAddress", "127.0.0.1");
      server.put("targetPort", backend.port());
      server.put("certificateId", firstCertificate);
      Reply created = admin.post("api/virtual-servers", JsonBody.of(server));
      assertEquals(201, created.status(), created.body());
      long serverId = created.json().getInt("id");

      heartbeatPort = freePortOnBothLoopbacks();
      try (GatewayProcess nodeA = startNode("a", stateA, "gw-a");
          GatewayProcess nodeB = startNode("b", stateB, "gw-b")) {
        BigInteger firstSerial = awaitServing(ca, "127.0.0.1", port, null, nodeA);
        await("both nodes report the published bundle applied", () -> inSync(admin, pairId));
        await(
            "gw-a reported as master, gw-b as backup", () -> "gw-a".equals(master(admin, pairId)));
        assertEquals("BACKUP", role(admin, pairId, "gw-b"));

        try (TlsProbe established = TlsProbe.connect(ca.certificate(), "127.0.0.1", port)) {
          assertEquals("before", established.echo("before"));
          long secondCertificate = importServerCertificate(admin, ca);
          String etag = admin.get("api/virtual-servers/" + serverId).etag();
          server.put("certificateId", secondCertificate);
          Reply changed = admin.put("api/virtual-servers/" + serverId, JsonBody.of(server), etag);
          assertEquals(200, changed.status(), changed.body());
          BigInteger secondSerial = awaitServing(ca, "127.0.0.1", port, firstSerial, nodeA);
          assertNotEquals(firstSerial, secondSerial);
          assertEquals("after", established.echo("after"), "established connection dropped");
        }
        await("both nodes in sync after the change", () -> inSync(admin, pairId));

        // A virtual client with a certificate table: the nodes must accept it as compiled (an
        // invalid listener would be rejected whole and never bound).
        long trustStoreId =
            admin
                .post(
                    "api/trust-stores",
                    JsonBody.of(
                        Map.of("name", "grid-partners", "certificates", ca.certificatePem())))
                .json()
                .getJsonNumber("id")
                .longValue();
        int clientPort = freePortOnBothLoopbacks();
        Map<String, Object> client = new HashMap<>();
        client.put("pairId", pairId);
        client.put("name", "zengin-outbound");
        client.put("listenAddress", "0.0.0.0");
        client.put("listenPort", clientPort);
        client.put("targetHost", "127.0.0.1");
        client.put("targetPort", backend.port());
        client.put("trustStoreId", trustStoreId);
        client.put(
            "clientCertificateRules",
            List.of(
                Map.of(
                    "destination",
                    "any",
                    "source",
                    "127.0.0.0/8",
                    "certificateId",
                    firstCertificate)));
        Reply clientCreated = admin.post("api/virtual-clients", JsonBody.of(client));
        assertEquals(201, clientCreated.status(), clientCreated.body());
        await("gw-a listens for the virtual client", () -> listening("127.0.0.1", clientPort));
        await("both nodes in sync with the virtual client", () -> inSync(admin, pairId));

        // kill -9 of the master: the backup takes over (the management cluster as witness agrees:
        // the dead master's lease ran out with its channel) and the API says so.
        nodeA.kill();
        awaitServing(ca, "127.0.0.2", port, firstSerial, nodeB);
        assertTrue(nodeB.output().contains("witness=agreed"), nodeB.output());
        await("gw-b reported as master", () -> "gw-b".equals(master(admin, pairId)));

        // The old master restarts: it serves its signed cache at once, and takes the master role
        // back (preempt).
        try (GatewayProcess restarted = startNode("a-restarted", stateA, "gw-a")) {
          awaitServing(ca, "127.0.0.1", port, firstSerial, restarted);
          await("gw-a master again", () -> "gw-a".equals(master(admin, pairId)));
          assertEquals("BACKUP", role(admin, pairId, "gw-b"));
        }
      }
    }
  }

  /**
   * A second management server joins the first one's grid: a node enrolled through one server takes
   * bundles published by the other (one signing key, one grid), and both serve the same API.
   */
  @Test
  void twoClusteredManagementServersServeTheSameApiAndBothPublish() throws Exception {
    ManagementServer first = new ManagementServer(deployment).asAdmin();
    int port = Ports.free();
    Path root = work.resolve("second-payara");
    List<String> command =
        PayaraMicroProcess.command(
            "--deploy",
            Path.of("target/zengate.war").toAbsolutePath().toString(),
            "--contextroot",
            deployment.getPath().replace("/", ""),
            "--port",
            Integer.toString(port),
            "--rootdir",
            root.toString(),
            "--clustername",
            System.getProperty("zengate.test.grid.cluster"),
            "--clustermode",
            "tcpip:127.0.0.1:" + System.getProperty("zengate.test.grid.port"),
            "--interfaces",
            "127.0.0.1",
            "--startport",
            Integer.toString(Integer.parseInt(System.getProperty("zengate.test.grid.port")) + 50));
    Process second =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("second-payara.log").toFile())
            .start();
    try {
      URL secondUrl = new URL("http", "127.0.0.1", port, deployment.getPath());
      ManagementServer other = new ManagementServer(secondUrl).asAdmin();
      Instant deadline = Instant.now().plus(Duration.ofSeconds(240));
      while (!isHealthy(other)) {
        if (!second.isAlive() || Instant.now().isAfter(deadline)) {
          throw new AssertionError(
              "second management server not healthy:\n" + output("second-payara"));
        }
        Thread.sleep(1000);
      }

      // Configured through the second server, enrolled through the second server...
      long pairId =
          other
              .post("api/pairs", JsonBody.of(Map.of("name", "clustered-pair")))
              .json()
              .getInt("id");
      other.post(
          "api/pairs/" + pairId + "/nodes",
          JsonBody.of(Map.of("name", "gw-a", "host", "127.0.0.1", "priority", 200)));
      assertEquals(200, first.get("api/pairs/" + pairId).status(), "the first server sees it");
      TestPki.Issued ca = TestPki.rootCa("CN=Clustered Test CA " + System.nanoTime());
      long firstCertificate = importServerCertificate(other, ca);
      int listenPort = freePortOnBothLoopbacks();
      heartbeatPort = freePortOnBothLoopbacks();
      try (EchoBackend backend = new EchoBackend()) {
        Map<String, Object> server = new HashMap<>();
        server.put("pairId", pairId);
        server.put("name", "clustered-inbound");
        server.put("bindAddress", "0.0.0.0");
        server.put("bindPort", listenPort);
        server.put("targetAddress", "127.0.0.1");
        server.put("targetPort", backend.port());
        server.put("certificateId", firstCertificate);
        Reply created = other.post("api/virtual-servers", JsonBody.of(server));
        assertEquals(201, created.status(), created.body());
        Path state = work.resolve("clustered");
        assertEquals(
            0,
            enroll(issueToken(other, pairId, "gw-a"), state, other.application()),
            output("enroll-clustered"));
        try (GatewayProcess node = startNode("clustered", state, "gw-a")) {
          BigInteger served = awaitServing(ca, "127.0.0.1", listenPort, null, node);

          // ...then changed through the first server: the node takes its bundle too.
          long secondCertificate = importServerCertificate(first, ca);
          String etag = first.get("api/virtual-servers/" + created.json().getInt("id")).etag();
          server.put("certificateId", secondCertificate);
          Reply changed =
              first.put(
                  "api/virtual-servers/" + created.json().getInt("id"), JsonBody.of(server), etag);
          assertEquals(200, changed.status(), changed.body());
          awaitServing(ca, "127.0.0.1", listenPort, served, node);
          await(
              "the node's acknowledgement seen by both servers",
              () -> inSync(other, pairId) && inSync(first, pairId));
        }

        // A removed node's stored bundle goes with it.
        long nodeId = ChannelPeer.enrollment(state).getJsonNumber("nodeId").longValue();
        String nodeEtag = first.get("api/pairs/" + pairId + "/nodes/gw-a").etag();
        assertEquals(204, first.delete("api/pairs/" + pairId + "/nodes/gw-a", nodeEtag).status());
        assertEquals(
            0L,
            Deployments.count("SELECT COUNT(*) FROM published_bundle WHERE node_id = " + nodeId));
      }
    } finally {
      second.destroy();
      if (!second.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        second.destroyForcibly();
      }
    }
  }

  /** Two nodes of one pair and a node of another pair, enrolled; no node process runs. */
  private record Enrolled(long pairId, Path a, Path b, Path other) {}

  private Enrolled enrollThreeNodes(ManagementServer admin, String name) throws Exception {
    long pairId = admin.post("api/pairs", JsonBody.of(Map.of("name", name))).json().getInt("id");
    long otherPair =
        admin.post("api/pairs", JsonBody.of(Map.of("name", name + "-other"))).json().getInt("id");
    for (String node : List.of("gw-a", "gw-b")) {
      admin.post(
          "api/pairs/" + pairId + "/nodes",
          JsonBody.of(Map.of("name", node, "host", "127.0.0.1", "priority", 100)));
    }
    admin.post(
        "api/pairs/" + otherPair + "/nodes",
        JsonBody.of(Map.of("name", "gw-x", "host", "127.0.0.1", "priority", 100)));
    Path a = work.resolve(name + "-a");
    Path b = work.resolve(name + "-b");
    Path other = work.resolve(name + "-x");
    assertEquals(0, enroll(issueToken(admin, pairId, "gw-a"), a), output("enroll-" + name + "-a"));
    assertEquals(0, enroll(issueToken(admin, pairId, "gw-b"), b), output("enroll-" + name + "-b"));
    assertEquals(
        0, enroll(issueToken(admin, otherPair, "gw-x"), other), output("enroll-" + name + "-x"));
    return new Enrolled(pairId, a, b, other);
  }

  private static long nodeId(Path state) throws Exception {
    return ChannelPeer.enrollment(state).getJsonNumber("nodeId").longValue();
  }

  private static NodeReport report(Path state, String role, long version) throws Exception {
    var e = ChannelPeer.enrollment(state);
    return new NodeReport(
        e.getJsonNumber("nodeId").longValue(),
        e.getString("nodeName"),
        e.getJsonNumber("pairId").longValue(),
        "heartbeat",
        role,
        version,
        null,
        0,
        null,
        null,
        Instant.now().toString(),
        "2099-01-01T00:00:00Z",
        0);
  }

  /** Proves the member identified the peer: a witness question about its own pair is answered. */
  private static void identified(ChannelPeer peer, Path state) throws Exception {
    long pair = ChannelPeer.enrollment(state).getJsonNumber("pairId").longValue();
    peer.send(new ChannelMessage.WitnessQuestion(1, pair));
    ChannelMessage answer = peer.receive(Duration.ofSeconds(10));
    assertTrue(answer instanceof ChannelMessage.WitnessAnswer, answer.toString());
  }

  /** The member's burst and flood limit ({@code NodeConnection.BURST}, {@code FLOOD_LIMIT}). */
  private static final int NODE_BURST = 40;

  private static final int NODE_FLOOD_LIMIT = 200;

  /** The next message, if one arrives before the connection ends, is the refusal {@code code}. */
  private static void assertRefusedOrClosed(String code, ChannelPeer peer) throws Exception {
    ChannelMessage message = peer.receiveUnlessClosed(Duration.ofSeconds(10));
    if (message != null) {
      assertTrue(message instanceof ChannelMessage.Refused, message.toString());
      assertEquals(code, ((ChannelMessage.Refused) message).code());
    }
  }

  private static String refusal(ChannelPeer peer) throws Exception {
    ChannelMessage message = peer.receive(Duration.ofSeconds(10));
    assertTrue(message instanceof ChannelMessage.Refused, message.toString());
    return ((ChannelMessage.Refused) message).code();
  }

  @Test
  void theChannelRefusesPeersWithoutAnEnrolledNodesCertificate() throws Exception {
    ManagementServer admin = new ManagementServer(deployment).asAdmin();
    Enrolled nodes = enrollThreeNodes(admin, "strangers");
    String ca = ChannelPeer.enrollment(nodes.a()).getString("channelCa");
    String endpoint = ChannelPeer.endpoint(nodes.a());

    // No client certificate: TLS 1.3 reports the refusal after the client's handshake ends.
    try (ChannelPeer none = ChannelPeer.connect(ca, null, null, endpoint)) {
      none.send(new ChannelMessage.Hello(0, null));
      assertTrue(none.closedByMember(Duration.ofSeconds(10)), "no certificate: closed");
    } catch (javax.net.ssl.SSLException | java.net.SocketException refusedEarly) {
      // also a refusal
    }
    // A certificate of another CA, for the same name.
    TestPki.Issued rogueCa = TestPki.rootCa("CN=Rogue channel CA " + System.nanoTime());
    TestPki.Issued rogue =
        TestPki.issue(rogueCa, "CN=gw-a", TestPki.ec(), false, TestPki.validNow(), null);
    try (ChannelPeer stranger =
        ChannelPeer.connect(ca, rogue.keys().getPrivate(), rogue.certificate(), endpoint)) {
      stranger.send(new ChannelMessage.Hello(0, null));
      assertTrue(stranger.closedByMember(Duration.ofSeconds(10)), "another CA: closed");
    } catch (javax.net.ssl.SSLException | java.net.SocketException refusedEarly) {
      // also a refusal
    }
    assertEquals(
        0L,
        Deployments.count(
            "SELECT COUNT(*) FROM gateway_node WHERE last_heartbeat_at IS NOT NULL AND id IN ("
                + nodeId(nodes.a())
                + ","
                + nodeId(nodes.b())
                + ")"),
        "nothing was reported");
  }

  @Test
  void aNodeCanSpeakOnlyForItselfWithinSizeAndRateLimits() throws Exception {
    ManagementServer admin = new ManagementServer(deployment).asAdmin();
    Enrolled nodes = enrollThreeNodes(admin, "impostors");
    try (ChannelPeer a = ChannelPeer.asNode(nodes.a())) {
      identified(a, nodes.a());
      a.send(new ChannelMessage.Report(report(nodes.b(), "MASTER", 999)));
      assertEquals("report_for_other_node", refusal(a));
      a.send(
          new ChannelMessage.WitnessQuestion(
              2, ChannelPeer.enrollment(nodes.other()).getJsonNumber("pairId").longValue()));
      assertEquals("witness_for_other_pair", refusal(a));
      a.send(new ChannelMessage.Bundle("{}"));
      assertEquals("unexpected_message", refusal(a));

      // Its own report counts, with the member's clock (not the 2099 sentAt it claims).
      a.send(new ChannelMessage.Report(report(nodes.a(), "BACKUP", 0)));
      await("gw-a's own report stored", () -> "BACKUP".equals(role(admin, nodes.pairId(), "gw-a")));
    }
    assertEquals("UNKNOWN", role(admin, nodes.pairId(), "gw-b"), "gw-b unchanged");
    assertEquals(
        0L,
        Deployments.count(
            "SELECT COUNT(*) FROM gateway_node WHERE last_heartbeat_at > now() + interval '1"
                + " hour'"));

    // Over a limit the member says why and closes at once, without reading the rest: a write still
    // under way may then fail (broken pipe, reset), and a reset may swallow the refusal. Either way
    // the connection ends, and whatever arrives before the end is that refusal.
    try (ChannelPeer oversized = ChannelPeer.asNode(nodes.a())) {
      identified(oversized, nodes.a());
      byte[] big = new byte[ChannelMessage.MAX_NODE_FRAME_BYTES + 1];
      java.util.Arrays.fill(big, (byte) ' ');
      if (oversized.sendRawUntilClosed(big, 1) == 1) {
        assertRefusedOrClosed("oversized_frame", oversized);
      }
      assertTrue(oversized.closedByMember(Duration.ofSeconds(10)), "an oversized frame closes");
    }

    // A flood: the burst (40) is served, then over 200 messages dropped by the rate limit (within
    // 10 s) close the channel. Reports say MASTER now (BACKUP above), so the served ones show in
    // the API.
    try (ChannelPeer flood = ChannelPeer.asNode(nodes.a())) {
      identified(flood, nodes.a());
      byte[] frame =
          ChannelMessage.encode(new ChannelMessage.Report(report(nodes.a(), "MASTER", 0)));
      int sent = flood.sendRawUntilClosed(frame, 2_000);
      assertTrue(
          sent >= NODE_BURST + NODE_FLOOD_LIMIT,
          "closed after " + sent + " frames, before the flood limit");
      if (sent == 2_000) {
        assertRefusedOrClosed("flood", flood);
      }
      assertTrue(flood.closedByMember(Duration.ofSeconds(20)), "a flood closes the channel");
    }
    await(
        "the flood's first reports stored",
        () -> "MASTER".equals(role(admin, nodes.pairId(), "gw-a")));
    assertEquals(
        0L,
        Deployments.count(
            "SELECT COUNT(*) FROM gateway_node WHERE last_heartbeat_at > now() + interval '1"
                + " hour'"),
        "the member's clock, also for the flood's reports");
    await(
        "the member still serves gw-a after the flood",
        () -> {
          try (ChannelPeer again = ChannelPeer.asNode(nodes.a())) {
            identified(again, nodes.a());
            return true;
          }
        });
  }

  @Test
  void aResetNodeIsRefusedAtOnceAlsoOnItsOpenChannel() throws Exception {
    ManagementServer admin = new ManagementServer(deployment).asAdmin();
    Enrolled nodes = enrollThreeNodes(admin, "revoked");

    // Enrolled already: a new token is not enough, and a newer token supersedes an older one.
    String older = issueToken(admin, nodes.pairId(), "gw-a");
    String newer = issueToken(admin, nodes.pairId(), "gw-a");
    assertEquals(1, enroll(newer, work.resolve("revoked-a-twice")));
    assertTrue(
        output("enroll-revoked-a-twice").contains("reset its enrollment first"),
        output("enroll-revoked-a-twice"));

    try (ChannelPeer open = ChannelPeer.asNode(nodes.a())) {
      identified(open, nodes.a());
      Reply reset =
          admin.send(
              "DELETE", "api/pairs/" + nodes.pairId() + "/nodes/gw-a/enrollment", null, Map.of());
      assertEquals(204, reset.status(), reset.body());
      assertEquals("revoked", refusal(open));
      assertTrue(open.closedByMember(Duration.ofSeconds(10)), "the open channel closed at once");
    }
    try (ChannelPeer again = ChannelPeer.asNode(nodes.a())) {
      assertEquals("unknown_certificate", refusal(again));
    }
    assertEquals(
        1L,
        Deployments.count(
            "SELECT COUNT(*) FROM audit_event WHERE action = 'node.enrollment.reset'"
                + " AND object_id = '"
                + nodeId(nodes.a())
                + "'"));

    // The tokens issued before the reset are revoked; a new one enrolls the node again.
    assertEquals(1, enroll(older, work.resolve("revoked-a-older")));
    assertTrue(
        output("enroll-revoked-a-older").contains("revoked"), output("enroll-revoked-a-older"));
    Path fresh = work.resolve("revoked-a-fresh");
    assertEquals(
        0,
        enroll(issueToken(admin, nodes.pairId(), "gw-a"), fresh),
        output("enroll-revoked-a-fresh"));
    try (ChannelPeer back = ChannelPeer.asNode(fresh)) {
      identified(back, fresh);
    }
  }

  @Test
  void onlyTheMastersOwnChannelHoldsItsPairsLease() throws Exception {
    ManagementServer admin = new ManagementServer(deployment).asAdmin();
    Enrolled nodes = enrollThreeNodes(admin, "lease");
    long pair = nodes.pairId();
    try (ChannelPeer master = ChannelPeer.asNode(nodes.a());
        ChannelPeer partner = ChannelPeer.asNode(nodes.b());
        ChannelPeer stranger = ChannelPeer.asNode(nodes.other())) {
      // The master's own question is a renewal the test can wait for: "agreed" means the master
      // holds the lease for the next 600 ms, so nothing below depends on how fast a round runs.
      long question = 100;
      for (int round = 0; round < 5; round++) {
        master.send(new ChannelMessage.WitnessQuestion(++question, pair));
        assertEquals(
            new ChannelMessage.WitnessAnswer(question, "agreed"),
            master.receive(Duration.ofSeconds(10)));
        master.send(new ChannelMessage.LeaseRenewal(pair));
        partner.send(new ChannelMessage.LeaseRenewal(pair)); // cannot take the live lease
        stranger.send(new ChannelMessage.LeaseRenewal(pair));
        assertEquals("lease_for_other_pair", refusal(stranger));
        Thread.sleep(100);
      }
      // Still the master's: the partner's renewals above took nothing.
      master.send(new ChannelMessage.WitnessQuestion(++question, pair));
      assertEquals(
          new ChannelMessage.WitnessAnswer(question, "agreed"),
          master.receive(Duration.ofSeconds(10)));
      partner.send(new ChannelMessage.WitnessQuestion(7, pair));
      assertEquals(
          new ChannelMessage.WitnessAnswer(7, "refused"), partner.receive(Duration.ofSeconds(10)));
      stranger.send(new ChannelMessage.WitnessQuestion(8, pair));
      assertEquals("witness_for_other_pair", refusal(stranger));

      // The master stops renewing (killed): within the lease the partner may take over.
      Thread.sleep(800);
      partner.send(new ChannelMessage.WitnessQuestion(9, pair));
      assertEquals(
          new ChannelMessage.WitnessAnswer(9, "agreed"), partner.receive(Duration.ofSeconds(10)));
      master.send(new ChannelMessage.WitnessQuestion(10, pair));
      assertEquals(
          new ChannelMessage.WitnessAnswer(10, "refused"), master.receive(Duration.ofSeconds(10)));
    }
  }

  private static boolean isHealthy(ManagementServer server) {
    try {
      return server.get("api/health").status() == 200;
    } catch (Exception e) {
      return false;
    }
  }

  private long importServerCertificate(ManagementServer admin, TestPki.Issued ca) throws Exception {
    TestPki.Issued leaf =
        TestPki.issue(
            ca,
            "CN=gw.grid.test " + System.nanoTime(),
            TestPki.ec(),
            false,
            TestPki.validNow(),
            "gw.grid.test");
    return admin.importWithKey(leaf);
  }

  private String issueToken(ManagementServer admin, long pairId, String node) throws Exception {
    Reply issued = admin.post("api/pairs/" + pairId + "/nodes/" + node + "/enrollment", "{}");
    assertEquals(201, issued.status(), issued.body());
    return issued.json().getString("token");
  }

  private int enroll(String token, Path stateDir) throws Exception {
    return enroll(token, stateDir, new ManagementServer(deployment).application());
  }

  private int enroll(String token, Path stateDir, java.net.URI server) throws Exception {
    return GatewayProcess.run(
        work.resolve("enroll-" + stateDir.getFileName() + ".log"),
        "enroll",
        "--server",
        server.toString(),
        "--token",
        token,
        "--state-dir",
        stateDir.toString());
  }

  private String output(String name) throws Exception {
    Path log = work.resolve(name + ".log");
    return Files.exists(log) ? Files.readString(log) : "";
  }

  private GatewayProcess startNode(String name, Path stateDir, String nodeName) throws Exception {
    boolean a = nodeName.equals("gw-a");
    String self = a ? "127.0.0.1" : "127.0.0.2";
    String peer = a ? "127.0.0.2" : "127.0.0.1";
    Path local = work.resolve(name + "-local.yaml");
    Files.writeString(
        local,
        String.join(
            "\n",
            "node:",
            "  name: " + nodeName,
            "  admin:",
            "    listen: 127.0.0.1:" + Ports.free(),
            "pair:",
            "  id: grid-pair",
            "  listen: " + self + ":" + heartbeatPort,
            "  peer: " + peer + ":" + heartbeatPort,
            "  priority: " + (a ? 200 : 100),
            "  preempt: true",
            ""));
    return GatewayProcess.start(
        work.resolve(name + ".log"),
        "managed",
        "--state-dir",
        stateDir.toString(),
        "--config",
        local.toString());
  }

  /** Waits for a handshake presenting a certificate other than {@code not}; returns its serial. */
  private BigInteger awaitServing(
      TestPki.Issued ca, String host, int port, BigInteger not, GatewayProcess node)
      throws Exception {
    Instant deadline = Instant.now().plus(PATIENCE);
    Exception last = null;
    while (Instant.now().isBefore(deadline)) {
      try (TlsProbe probe = TlsProbe.connect(ca.certificate(), host, port)) {
        BigInteger serial = probe.serverSerial();
        if (!serial.equals(not) && "ping".equals(probe.echo("ping"))) {
          return serial;
        }
      } catch (Exception e) {
        last = e;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "no new certificate served on "
            + host
            + ":"
            + port
            + " (last error "
            + last
            + ")\n"
            + node.output());
  }

  private static String lastStatus = "";
  private int heartbeatPort;

  private static String master(ManagementServer admin, long pairId) throws Exception {
    Reply status = admin.get("api/pairs/" + pairId + "/status");
    lastStatus = status.body();
    JsonObject json = status.json();
    return json.getString("master", null); // JSON-B leaves out null fields
  }

  private static String role(ManagementServer admin, long pairId, String node) throws Exception {
    return admin.get("api/pairs/" + pairId + "/nodes/" + node).json().getString("reportedRole");
  }

  private static boolean inSync(ManagementServer admin, long pairId) throws Exception {
    Reply status = admin.get("api/pairs/" + pairId + "/status");
    lastStatus = status.body();
    return status.status() == 200 && status.json().getBoolean("inSync");
  }

  private static String rejectedCode(ManagementServer admin, long pairId) throws Exception {
    Reply node = admin.get("api/pairs/" + pairId + "/nodes/gw-a");
    JsonObject json = node.json();
    return json.getString("rejectedCode", null);
  }

  private static boolean listening(String host, int port) {
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress(host, port), 1_000);
      return true;
    } catch (java.io.IOException notYet) {
      return false;
    }
  }

  private static void await(String what, Callable<Boolean> condition) throws Exception {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (Instant.now().isBefore(deadline)) {
      if (Boolean.TRUE.equals(condition.call())) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "timed out waiting until " + what + "; last pair status " + lastStatus);
  }

  private static int freePortOnBothLoopbacks() throws Exception {
    for (int attempt = 0; attempt < 20; attempt++) {
      int port = Ports.free();
      try (ServerSocket second = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.2"))) {
        return port;
      } catch (java.io.IOException taken) {
        // try another
      }
    }
    throw new IllegalStateException("no port free on both 127.0.0.1 and 127.0.0.2");
  }
}
