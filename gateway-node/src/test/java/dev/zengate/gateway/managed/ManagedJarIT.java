package dev.zengate.gateway.managed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.bundle.testsupport.Ports;
import dev.zengate.gateway.testsupport.AdminCalls;
import dev.zengate.gateway.testsupport.EchoServer;
import dev.zengate.gateway.testsupport.Peers;
import dev.zengate.gateway.testsupport.TestPki;
import dev.zengate.gateway.testsupport.TestPki.Issued;
import dev.zengate.gateway.testsupport.TlsClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar in managed mode: the node channel works from the fat jar, end to end. */
class ManagedJarIT {

  @TempDir Path dir;

  @Test
  void theJarAppliesAPushedBundleServesItAndReports() throws Exception {
    TestPki pki = new TestPki(dir.resolve("pki"));
    Issued root = pki.rootCa("root");
    Issued server =
        pki.server(root, "ec", TestPki.KeyType.EC_P256, List.of("localhost"), List.of("127.0.0.1"));
    TestBundles management = new TestBundles(301);
    List<Integer> ports = Ports.freeOutsideEphemeralRange(3);
    int channelPort = ports.get(0);
    int listen = ports.get(1);
    int admin = ports.get(2);
    try (ChannelStandIn member = new ChannelStandIn(dir.resolve("channel"), channelPort).start();
        EchoServer backend = EchoServer.plain()) {
      Path state = management.enroll(dir.resolve("state"), member);
      Path local = dir.resolve("local.yaml");
      Files.writeString(
          local, "node:\n  drainTimeout: 1s\n  admin:\n    listen: 127.0.0.1:" + admin);
      member.publish(management.signed(1, server, root, listen, backend.port()));

      Process process =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-jar",
                  System.getProperty("zengate.gateway.jar"),
                  "managed",
                  "--state-dir",
                  state.toString(),
                  "--config",
                  local.toString(),
                  "--heartbeat",
                  "200ms")
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("node.log").toFile())
              .start();
      try {
        Await.until(
            "applied report", () -> member.reports.stream().anyMatch(r -> r.appliedVersion() == 1));
        try (SSLSocket socket = Peers.tls(TlsClients.context(root, null), listen)) {
          assertEquals("jar\n", Peers.roundTrip(socket, "jar\n"));
        }
        String status =
            AdminCalls.call(admin, "GET", "/status", state.resolve("admin-token")).body();
        assertTrue(status.contains("\"nodeId\" : 301"), status);
      } finally {
        process.destroy();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "stops on SIGTERM");
      }
      String log = Files.readString(dir.resolve("node.log"));
      assertTrue(log.contains("bundle_applied node=301 version=1"), log);
      // SIGTERM: the JVM runs the drain hook and exits 128 + 15.
      assertEquals(143, process.exitValue(), log);
    }
  }
}
