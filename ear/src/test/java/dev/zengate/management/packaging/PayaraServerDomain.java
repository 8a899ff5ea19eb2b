package dev.zengate.management.packaging;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away domain of a full Payara Server, driven with {@code asadmin} as an administrator
 * would: created on a free port block, started, given an application, stopped.
 */
final class PayaraServerDomain implements AutoCloseable {

  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(4);

  private final Path home;
  private final Path domainsDir;
  private final String name = "zengate-it";
  private final int portBase;
  private boolean started;

  private PayaraServerDomain(Path home, Path domainsDir, int portBase) {
    this.home = home;
    this.domainsDir = domainsDir;
    this.portBase = portBase;
  }

  static PayaraServerDomain create(Path home, Path workDir) throws IOException {
    Path domainsDir = Files.createDirectories(workDir.resolve("domains"));
    PayaraServerDomain domain = new PayaraServerDomain(home, domainsDir, freePortBlock());
    domain.asadmin(
        "create-domain",
        "--nopassword",
        "--portbase",
        String.valueOf(domain.portBase),
        "--domaindir",
        domainsDir.toString(),
        domain.name);
    return domain;
  }

  void start() throws IOException {
    asadmin("start-domain", "--domaindir", domainsDir.toString(), name);
    started = true;
  }

  void deploy(Path archive) throws IOException {
    asadmin("--port", String.valueOf(adminPort()), "deploy", "--force", archive.toString());
  }

  int httpPort() {
    return portBase + 80;
  }

  private int adminPort() {
    return portBase + 48;
  }

  @Override
  public void close() throws IOException {
    if (started) {
      asadmin("stop-domain", "--kill", "--domaindir", domainsDir.toString(), name);
    }
  }

  private void asadmin(String... arguments) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(home.resolve("bin/asadmin").toString());
    command.add("--interactive=false");
    command.addAll(List.of(arguments));
    Path log = Files.createTempFile(domainsDir, "asadmin-", ".log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("asadmin " + arguments[0] + " timed out: " + Files.readString(log));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running asadmin " + arguments[0], e);
    }
    if (process.exitValue() != 0) {
      throw new IOException(
          "asadmin " + String.join(" ", arguments) + " failed: " + Files.readString(log));
    }
  }

  /** A base such that base … base+99 (Payara's port range for one domain) are all free. */
  private static int freePortBlock() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int base = 20_000 + ThreadLocalRandom.current().nextInt(200) * 100;
      if (allFree(base, 100)) {
        return base;
      }
    }
    throw new IOException("no free block of 100 ports found for the Payara Server domain");
  }

  private static boolean allFree(int base, int count) {
    for (int port = base; port < base + count; port++) {
      try (ServerSocket probe = new ServerSocket(port)) {
        probe.setReuseAddress(true);
      } catch (IOException inUse) {
        return false;
      }
    }
    return true;
  }
}
