package dev.zengate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.bundle.testsupport.Ports;
import dev.zengate.gateway.testsupport.AdminCalls;
import dev.zengate.gateway.testsupport.EchoServer;
import dev.zengate.gateway.testsupport.Peers;
import dev.zengate.gateway.testsupport.TestPki;
import dev.zengate.gateway.testsupport.TestPki.Issued;
import dev.zengate.gateway.testsupport.TlsClients;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar as operators run it: exit codes, admin endpoints, reload by file and SIGHUP. */
class GatewayJarIT {

  @TempDir static Path dir;
  static Issued root;
  static Issued server;

  @BeforeAll
  static void pki() throws Exception {
    TestPki pki = new TestPki(dir.resolve("pki"));
    root = pki.rootCa("root");
    server =
        pki.server(
            root, "server", TestPki.KeyType.EC_P256, List.of("localhost"), List.of("127.0.0.1"));
  }

  static Process java(Path log, String... args) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("zengate.gateway.jar")));
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  static String listener(String name, int port, int target) {
    return "  - name: %s\n    mode: server\n    bind: 127.0.0.1:%d\n    target: 127.0.0.1:%d\n    downstreamTls:\n      certificate: server\n"
        .formatted(name, port, target);
  }

  static String config(int admin, String listeners) {
    return "node:\n  name: it-node\n  drainTimeout: 2s\n  admin:\n    listen: 127.0.0.1:%d\ncertificates:\n  server:\n    chain: pki/server-chain.crt\n    key: pki/server.key\nlisteners:\n%s"
        .formatted(admin, listeners);
  }

  /** An admin call with the token the node generated beside its configuration in {@link #dir}. */
  static HttpResponse<String> get(int admin, String path) throws Exception {
    return AdminCalls.call(admin, "GET", path, dir.resolve("admin-token"));
  }

  static void awaitTrue(String what, Check check) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      try {
        if (check.ok()) {
          return;
        }
      } catch (Exception notYet) {
        // Retry until the deadline.
      }
      Thread.sleep(100);
    }
    throw new AssertionError("timed out waiting for " + what);
  }

  interface Check {
    boolean ok() throws Exception;
  }

  @Test
  void checkOfAnInvalidFileExitsTwoWithOneLine() throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, config(9901, listener("a", 70000, 5020)));
    Path log = dir.resolve("check.log");
    Process process = java(log, "check", "--config", file.toString());
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(2, process.exitValue());
    List<String> lines = Files.readAllLines(log);
    assertEquals(
        List.of(file + ":13:5: listeners[0].bind: port 70000 out of range 1-65535"), lines);
  }

  @Test
  void runServesReloadsOnFileChangeAndSighupAndStopsOnSigterm() throws Exception {
    int admin = Ports.free();
    int first = Ports.free();
    int second = Ports.free();
    Path file = dir.resolve("gateway.yaml");
    Path log = dir.resolve("run.log");
    try (EchoServer backend = EchoServer.plain()) {
      Files.writeString(file, config(admin, listener("first", first, backend.port())));
      Process process = java(log, "run", "--config", file.toString());
      try {
        awaitTrue("health", () -> get(admin, "/health").statusCode() == 200);
        try (SSLSocket socket = Peers.tls(TlsClients.context(root, null), first)) {
          assertEquals("hi\n", Peers.roundTrip(socket, "hi\n"));
        }
        String status = get(admin, "/status").body();
        assertTrue(status.contains("\"node\" : \"it-node\""), status);
        assertTrue(get(admin, "/metrics").body().contains("zengate_connections_total"));

        Files.writeString(
            file,
            config(
                admin,
                listener("first", first, backend.port())
                    + listener("second", second, backend.port())));
        awaitTrue("file reload", () -> get(admin, "/status").body().contains("\"second\""));
        try (SSLSocket socket = Peers.tls(TlsClients.context(root, null), second)) {
          assertEquals("two\n", Peers.roundTrip(socket, "two\n"));
        }

        // Reload by signal: the status records the trigger of the last applied reload.
        Process hup = new ProcessBuilder("kill", "-HUP", Long.toString(process.pid())).start();
        assertTrue(hup.waitFor(10, TimeUnit.SECONDS));
        awaitTrue(
            "sighup reload",
            () -> get(admin, "/status").body().contains("\"trigger\" : \"sighup\""));

        Process term = new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start();
        assertTrue(term.waitFor(10, TimeUnit.SECONDS));
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "gateway did not stop");
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(output.contains("connection listener=first"), output);
        // The last lines may be lost: JUL's own shutdown hook can close its handlers first.
      } finally {
        process.destroyForcibly();
      }
    }
  }

  @Test
  void quickServerModeTerminatesTls() throws Exception {
    int admin = Ports.free();
    int port = Ports.free();
    Path log = dir.resolve("quick.log");
    try (EchoServer backend = EchoServer.plain()) {
      Process process =
          quickServer(
              log,
              port,
              backend.port(),
              "--admin",
              "127.0.0.1:" + admin,
              "--admin-token-file",
              dir.resolve("admin-token").toString());
      try {
        awaitTrue("health", () -> get(admin, "/health").statusCode() == 200);
        Peers.OpensslResult result =
            Peers.sClient(port, "", "-CAfile", root.certFile().toString(), "-verify_return_error");
        assertEquals(0, result.exit(), result.output());
        assertTrue(result.output().contains("Verification: OK"), result.output());
      } finally {
        process.destroy();
        process.waitFor(20, TimeUnit.SECONDS);
        process.destroyForcibly();
      }
    }
  }

  @Test
  void twoQuickGatewaysRunSideBySideWithoutAdminEndpoints() throws Exception {
    int first = Ports.free();
    int second = Ports.free();
    try (EchoServer backend = EchoServer.plain()) {
      Process a = quickServer(dir.resolve("quick-a.log"), first, backend.port());
      Process b = quickServer(dir.resolve("quick-b.log"), second, backend.port());
      try {
        for (int port : new int[] {first, second}) {
          awaitTrue(
              "quick gateway on " + port,
              () -> {
                try (SSLSocket socket = Peers.tls(TlsClients.context(root, null), port)) {
                  return Peers.roundTrip(socket, "q\n").equals("q\n");
                }
              });
        }
        assertTrue(a.isAlive() && b.isAlive(), "both still run");
      } finally {
        for (Process p : List.of(a, b)) {
          p.destroy();
          p.waitFor(20, TimeUnit.SECONDS);
          p.destroyForcibly();
        }
      }
      String log = Files.readString(dir.resolve("quick-b.log"));
      assertTrue(!log.contains("admin_listening"), log);
    }
  }

  private static Process quickServer(Path log, int port, int target, String... more)
      throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "server",
                "--listen",
                "127.0.0.1:" + port,
                "--target",
                "127.0.0.1:" + target,
                "--cert",
                server.certFile().toString(),
                "--key",
                server.keyFile().toString(),
                "--chain",
                root.certFile().toString(),
                "--tls-provider",
                "jdk"));
    args.addAll(List.of(more));
    return java(log, args.toArray(String[]::new));
  }
}
