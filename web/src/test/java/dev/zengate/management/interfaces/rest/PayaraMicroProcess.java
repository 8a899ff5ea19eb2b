package dev.zengate.management.interfaces.rest;

import dev.zengate.bundle.testsupport.Ports;
import dev.zengate.management.tools.HttpsSetup;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The management server as operators run it: Payara Micro with the built WAR, serving HTTPS with
 * the certificate {@code HttpsSetup} generates (as {@code ./zengate start} does), as a process of
 * its own with the environment a test chooses (database, master keys), for scenarios that restart
 * the server with other settings, which one Arquillian deployment per class cannot do.
 */
final class PayaraMicroProcess implements AutoCloseable {

  private final Process process;
  private final Path log;
  private final int port;
  private final Path root;
  private final HttpClient https;
  private final Path caFile;

  private PayaraMicroProcess(Process process, Path log, int port, Path root, Path caFile)
      throws Exception {
    this.process = process;
    this.log = log;
    this.port = port;
    this.root = root;
    this.caFile = caFile;
    this.https = trusting(caFile);
  }

  /**
   * Starts a server on {@code database} (a database name on the test server) and waits until it is
   * healthy; {@code environment} adds to (or, with null values, removes from) the test's own.
   */
  static PayaraMicroProcess start(Path dir, String database, Map<String, String> environment)
      throws Exception {
    PayaraMicroProcess server = launch(dir, database, environment);
    server.awaitHealth(200);
    return server;
  }

  /** Starts a server and returns once it answers {@code /api/health}, ready or not. */
  static PayaraMicroProcess startAnswering(
      Path dir, String database, Map<String, String> environment) throws Exception {
    PayaraMicroProcess server = launch(dir, database, environment);
    server.awaitHealth(0);
    return server;
  }

  private static PayaraMicroProcess launch(
      Path dir, String database, Map<String, String> environment) throws Exception {
    int port = Ports.free();
    int gridPort = Ports.free();
    Path log = Files.createTempFile(dir, "payara-", ".log");
    // Payara's root directory lives outside the test's @TempDir and is removed by close() once the
    // process is gone: JUnit deleting it under a server still shutting down took minutes.
    Path root = Files.createTempDirectory("zengate-payara-root");
    Path tls = dir.resolve("tls");
    Path preboot = dir.resolve("payara-preboot-" + port + ".asadmin");
    Map<String, String> listeners = new HashMap<>(System.getenv());
    listeners.remove("ZENGATE_HTTP_PORT");
    listeners.put("ZENGATE_HTTPS_PORT", Integer.toString(port));
    HttpsSetup.prepare(listeners, tls, preboot);
    ProcessBuilder builder =
        new ProcessBuilder(
                command(
                    "--deploy",
                    Path.of("target", "zengate.war").toAbsolutePath().toString(),
                    "--contextroot",
                    "/",
                    "--prebootcommandfile",
                    preboot.toString(),
                    "--rootdir",
                    root.toString(),
                    "--clustername",
                    "zengate-process-" + port,
                    "--clustermode",
                    "tcpip:127.0.0.1:" + gridPort,
                    "--interfaces",
                    "127.0.0.1",
                    "--startport",
                    Integer.toString(gridPort)))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    String testDatabase = System.getenv("ZENGATE_DB_URL");
    env.put(
        "ZENGATE_DB_URL", testDatabase.substring(0, testDatabase.lastIndexOf('/') + 1) + database);
    env.remove("ZENGATE_MASTER_KEY_PREVIOUS");
    environment.forEach(
        (name, value) -> {
          if (value == null) {
            env.remove(name);
          } else {
            env.put(name, value);
          }
        });
    return new PayaraMicroProcess(builder.start(), log, port, root, tls.resolve("ca.crt"));
  }

  /**
   * The command line of a management member as {@code ./zengate start} has it (heap aside): the
   * grid bound to the interfaces given, its deserialisation allow-list, then {@code arguments} for
   * Payara Micro.
   */
  static List<String> command(String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx768m");
    command.add("-Dhazelcast.socket.bind.any=false");
    command.addAll(gridFilter());
    command.add("-jar");
    command.add(Path.of("target", "payara-micro.jar").toAbsolutePath().toString());
    command.addAll(List.of(arguments));
    return command;
  }

  private static List<String> gridFilter() {
    Path jar =
        Path.of(
            System.getProperty(
                "zengate.grid.filter.jar", "../grid-filter/target/zengate-grid-filter.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build grid-filter first");
    }
    return List.of(
        "-Xbootclasspath/a:" + jar.toAbsolutePath(),
        "-Djdk.serialFilterFactory=dev.zengate.grid.filter.GridSerialFilter");
  }

  ManagementServer admin() throws IOException {
    return anonymous().asAdmin();
  }

  ManagementServer anonymous() {
    return new ManagementServer(https, base());
  }

  /** Where it serves: HTTPS on loopback, with a certificate naming localhost. */
  URI base() {
    return URI.create("https://localhost:" + port + "/");
  }

  /** An HTTP client that trusts the server's generated CA, as {@code curl --cacert} would. */
  HttpClient client() {
    return https;
  }

  /** The CA that issued the server's generated HTTPS certificate (var/tls/ca.crt for start). */
  Path caFile() {
    return caFile;
  }

  /**
   * Runs the gateway's {@code enroll} against this server with {@code token} (add {@code
   * --server-ca caFile()} to trust it); returns the exit code, the output goes to {@code log}.
   */
  int enroll(Path log, String token, Path stateDir, String... options) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "enroll",
                "--server",
                base().toString(),
                "--token",
                token,
                "--state-dir",
                stateDir.toString()));
    args.addAll(List.of(options));
    return GatewayProcess.run(log, args.toArray(String[]::new));
  }

  int pid() {
    return (int) process.pid();
  }

  private static HttpClient trusting(Path caFile) throws Exception {
    KeyStore anchors = KeyStore.getInstance("PKCS12");
    anchors.load(null, null);
    try (InputStream in = Files.newInputStream(caFile)) {
      anchors.setCertificateEntry(
          "ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
    trust.init(anchors);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return HttpClient.newBuilder()
        .sslContext(context)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /**
   * Waits until {@code /api/health} answers {@code status} (0: ready or not, once the application
   * is deployed), at most 240 s.
   */
  void awaitHealth(int status) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Payara Micro exited: " + tail());
      }
      try {
        HttpResponse<Void> health =
            https.send(
                HttpRequest.newBuilder(base().resolve("api/health"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        boolean deployed = health.statusCode() == 200 || health.statusCode() == 503;
        if (status == 0 ? deployed : health.statusCode() == status) {
          return;
        }
      } catch (IOException notYet) {
        // Still starting.
      }
      Thread.sleep(500);
    }
    close();
    throw new IllegalStateException(
        "Payara Micro did not answer " + status + " within 240 s: " + tail());
  }

  /** The server's whole log so far. */
  String log() throws IOException {
    return Files.readString(log);
  }

  /** The end of the server's log, for failure messages. */
  String tail() throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    try (var files = Files.walk(root)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException leftBehind) {
      // A temporary directory left behind is harmless.
    }
  }
}
