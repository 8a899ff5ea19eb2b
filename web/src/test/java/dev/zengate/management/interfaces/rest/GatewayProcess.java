package dev.zengate.management.interfaces.rest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A gateway node run from its shaded jar as a separate process, as operators run it. */
final class GatewayProcess implements AutoCloseable {

  private final Process process;
  private final Path log;

  private GatewayProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static Path jar() {
    Path jar =
        Path.of(
            System.getProperty(
                "zengate.gateway.jar", "../gateway-node/target/zengate-gateway.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build gateway-node first");
    }
    return jar;
  }

  static GatewayProcess start(Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-jar");
    command.add(jar().toString());
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new GatewayProcess(process, log);
  }

  /** Runs a command to completion and returns its exit code. */
  static int run(Path log, String... args) throws IOException, InterruptedException {
    try (GatewayProcess command = start(log, args)) {
      if (!command.process.waitFor(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("gateway command did not finish: " + command.output());
      }
      return command.process.exitValue();
    }
  }

  String output() throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }

  /** Stops the process the way a crash does. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }
}
