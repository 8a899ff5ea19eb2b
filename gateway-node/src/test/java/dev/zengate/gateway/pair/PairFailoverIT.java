package dev.zengate.gateway.pair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zengate.bundle.testsupport.Ports;
import dev.zengate.gateway.testsupport.AdminCalls;
import dev.zengate.gateway.testsupport.EchoServer;
import dev.zengate.gateway.testsupport.TestPki;
import dev.zengate.gateway.testsupport.TestPki.Issued;
import dev.zengate.gateway.testsupport.TlsClients;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateway processes (the shaded jar) as a pair on 127.0.0.1: the master is killed with {@code
 * kill -9} and the backup serves new TLS connections; the old master comes back as backup without
 * preempt and takes over with it; a clean stop hands over at once. Waits are bounded by generous
 * deadlines; the measured times are printed, and only asserted against loose upper bounds.
 */
class PairFailoverIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @TempDir static Path dir;
  static SSLContext client;

  final List<Process> processes = new ArrayList<>();

  @BeforeAll
  static void pki() throws Exception {
    TestPki pki = new TestPki(dir.resolve("pki"));
    Issued root = pki.rootCa("root");
    pki.server(root, "server", TestPki.KeyType.EC_P256, List.of(), List.of("127.0.0.1"));
    client = TlsClients.context(root, null);
  }

  @AfterEach
  void stopEverything() throws Exception {
    for (Process p : processes) {
      if (p.isAlive()) {
        signal(p, "-KILL");
        p.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /** One member: its ports and configuration. */
  record Member(String name, int admin, int listener, int heartbeat, int peerHeartbeat) {

    String yaml(int priority, boolean preempt, int backend, Path hookLog) {
      return """
          node:
            name: %s
            drainTimeout: 1s
            admin:
              listen: 127.0.0.1:%d
          certificates:
            server:
              chain: pki/server-chain.crt
              key: pki/server.key
          listeners:
            - name: zengin
              mode: server
              bind: 127.0.0.1:%d
              target: 127.0.0.1:%d
              downstreamTls:
                certificate: server
          pair:
            id: it-pair
            listen: 127.0.0.1:%d
            peer: 127.0.0.1:%d
            priority: %d
            preempt: %s
            secret: integration-test-pair-secret
            hooks:
              onTransition: [sh, -c, 'echo "$1 $2 $ZENGATE_PAIR_PREVIOUS_ROLE" >> %s', hook]
          """
          .formatted(
              name, admin, listener, backend, heartbeat, peerHeartbeat, priority, preempt, hookLog);
    }
  }

  Process start(Member member, int priority, boolean preempt, int backend) throws Exception {
    Path config = dir.resolve(member.name() + ".yaml");
    Files.writeString(config, member.yaml(priority, preempt, backend, hookLog(member)));
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            System.getProperty("zengate.gateway.jar"),
            "run",
            "--no-watch",
            "--config",
            config.toString());
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(dir.resolve(member.name() + ".log").toFile()))
            .start();
    processes.add(process);
    return process;
  }

  static Path hookLog(Member member) {
    return dir.resolve(member.name() + "-hook.log");
  }

  static void signal(Process process, String signal) throws Exception {
    Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).start();
    assertTrue(kill.waitFor(10, TimeUnit.SECONDS));
  }

  static JsonNode pairStatus(Member member) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            AdminCalls.request(member.admin(), "GET", "/status")
                .header("Authorization", "Bearer " + Files.readString(adminToken()).trim())
                .timeout(Duration.ofSeconds(2))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body()).path("pair");
  }

  /** Both members' configurations are in {@link #dir}: one generated token file for both. */
  static Path adminToken() {
    return dir.resolve("admin-token");
  }

  static String role(Member member) {
    try {
      return pairStatus(member).path("role").asText();
    } catch (Exception notUp) {
      return "down";
    }
  }

  void awaitRole(Member member, String role) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
    while (!role(member).equals(role)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            member.name() + " did not become " + role + "; log:\n" + log(member));
      }
      Thread.sleep(50);
    }
  }

  static String log(Member member) throws IOException {
    Path file = dir.resolve(member.name() + ".log");
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(no log)";
  }

  /** One new TLS connection with an echoed line, to the first member that serves it. */
  static boolean servedBy(int port) {
    try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      socket.setSoTimeout(2000);
      socket.startHandshake();
      socket.getOutputStream().write("ping\n".getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      byte[] back = socket.getInputStream().readNBytes(5);
      return "ping\n".equals(new String(back, StandardCharsets.US_ASCII));
    } catch (IOException refusedOrReset) {
      return false;
    }
  }

  /** Milliseconds from {@code since} until a new TLS connection succeeds on either member. */
  static long millisUntilServed(long since, Member a, Member b) throws Exception {
    long deadline = since + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (servedBy(a.listener()) || servedBy(b.listener())) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
      }
      Thread.sleep(5);
    }
    throw new AssertionError("no member served within 30 s");
  }

  @Test
  void backupServesAfterKillNineAndTheOldMasterRejoinsPerItsPreemptSetting() throws Exception {
    List<Integer> ports = Ports.freeOutsideEphemeralRange(6);
    Member a = new Member("node-a", ports.get(0), ports.get(1), ports.get(2), ports.get(3));
    Member b = new Member("node-b", ports.get(4), ports.get(5), ports.get(3), ports.get(2));
    try (EchoServer backend = EchoServer.plain()) {
      Process masterA = start(a, 200, false, backend.port());
      awaitRole(a, "master");
      start(b, 100, false, backend.port());
      awaitRole(b, "backup");
      assertTrue(servedBy(a.listener()), "the master serves");
      assertFalse(servedBy(b.listener()), "the backup refuses new connections");
      assertEquals("node-a", pairStatus(b).path("peer").path("name").asText());

      // kill -9: no resignation; the backup must notice the silence.
      long killed = System.nanoTime();
      signal(masterA, "-KILL");
      long failoverMs = millisUntilServed(killed, a, b);
      System.out.println(
          "PairFailoverIT: kill -9 of the master -> first new TLS connection: "
              + failoverMs
              + " ms");
      assertTrue(failoverMs < 5000, "failover took " + failoverMs + " ms");
      assertTrue(masterA.waitFor(10, TimeUnit.SECONDS));
      awaitRole(b, "master");
      JsonNode last = pairStatus(b).path("lastTransition");
      assertEquals("peer_silent", last.path("cause").asText(), last.toString());
      assertTrue(servedBy(b.listener()));

      // The old master returns without preempt: it stays backup and the new master keeps serving.
      Process backupA = start(a, 200, false, backend.port());
      awaitRole(a, "backup");
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
      while (System.nanoTime() < until) {
        assertEquals("backup", role(a));
        assertEquals("master", role(b));
        Thread.sleep(200);
      }
      assertEquals("node-b", pairStatus(a).path("peer").path("name").asText());
      assertFalse(servedBy(a.listener()));
      assertTrue(servedBy(b.listener()));

      // Stopped cleanly and back with preempt: it takes the master role from the lower priority.
      signal(backupA, "-TERM");
      assertTrue(backupA.waitFor(20, TimeUnit.SECONDS));
      assertEquals("master", role(b));
      Process preemptingA = start(a, 200, true, backend.port());
      awaitRole(a, "master");
      awaitRole(b, "backup");
      assertEquals("preempt", pairStatus(a).path("lastTransition").path("cause").asText());
      assertEquals(
          "higher_priority_peer", pairStatus(b).path("lastTransition").path("cause").asText());
      assertTrue(servedBy(a.listener()));

      // A clean stop of the master resigns: the backup takes over without waiting for silence.
      long stopped = System.nanoTime();
      signal(preemptingA, "-TERM");
      long resignMs = millisUntilServed(stopped, a, b);
      System.out.println(
          "PairFailoverIT: SIGTERM of the master -> first new TLS connection: " + resignMs + " ms");
      awaitRole(b, "master");
      assertEquals("peer_resigned", pairStatus(b).path("lastTransition").path("cause").asText());
      assertTrue(preemptingA.waitFor(20, TimeUnit.SECONDS));

      String hooks = Files.readString(hookLog(b));
      assertTrue(hooks.contains("backup startup init"), hooks);
      assertTrue(hooks.contains("master peer_silent backup"), hooks);
      assertTrue(hooks.contains("backup higher_priority_peer master"), hooks);
      assertTrue(hooks.contains("master peer_resigned backup"), hooks);
      String metrics =
          HTTP.send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + b.admin() + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      assertTrue(
          metrics.contains("zengate_pair_transitions_total{cause=\"peer_silent\",to=\"master\"} 1"),
          metrics);
      assertTrue(metrics.contains("zengate_pair_role{role=\"master\"} 1"), metrics);
      assertTrue(
          metrics.contains("zengate_connections_total{listener=\"zengin\",outcome=\"backup\"}"),
          metrics);
    }
  }
}
