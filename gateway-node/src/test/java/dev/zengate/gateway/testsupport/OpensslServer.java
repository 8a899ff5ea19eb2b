package dev.zengate.gateway.testsupport;

import dev.zengate.bundle.testsupport.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real {@code openssl s_server} on 127.0.0.1 in {@code -rev} mode (answers each line reversed) or
 * {@code -www} mode, its output in a file: with {@code -Verify} it prints the subject of every
 * client certificate.
 */
public final class OpensslServer implements AutoCloseable {

  private final Process process;
  private final Path log;
  private final int port;

  private OpensslServer(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** Starts and waits until it accepts; {@code options} such as -Verify 1 -CAfile FILE. */
  public static OpensslServer start(Path dir, Path chain, Path key, String... options)
      throws Exception {
    return start("-rev", dir, chain, key, options);
  }

  /**
   * In {@code -www} mode instead: answers any request with a page describing the session, which
   * says {@code New,} or {@code Reused,} (resumed).
   */
  public static OpensslServer web(Path dir, Path chain, Path key, String... options)
      throws Exception {
    return start("-www", dir, chain, key, options);
  }

  private static OpensslServer start(String mode, Path dir, Path chain, Path key, String... options)
      throws Exception {
    int port = Ports.free();
    Path log = dir.resolve("s_server-" + port + ".log");
    List<String> command =
        new ArrayList<>(
            List.of(
                "openssl",
                "s_server",
                "-accept",
                "127.0.0.1:" + port,
                "-cert",
                chain.toString(),
                "-key",
                key.toString(),
                mode));
    command.addAll(List.of(options));
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    OpensslServer server = new OpensslServer(process, log, port);
    server.awaitLog("ACCEPT");
    return server;
  }

  public int port() {
    return port;
  }

  public String log() throws IOException {
    return Files.readString(log);
  }

  /** Waits up to five seconds for {@code text} in the output and returns the output. */
  public String awaitLog(String text) throws Exception {
    return awaitLogAfter(0, text);
  }

  /** How much has been written so far: a mark for {@link #awaitLogAfter}. */
  public int mark() throws IOException {
    return log().length();
  }

  /** Waits up to five seconds for {@code text} after {@code mark}; returns the output since. */
  public String awaitLogAfter(int mark, String text) throws Exception {
    long deadline = System.nanoTime() + 5_000_000_000L;
    String output = log().substring(mark);
    while (!output.contains(text) && System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("s_server exited: " + output);
      }
      Thread.sleep(20);
      output = log().substring(mark);
    }
    return output;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }
}
