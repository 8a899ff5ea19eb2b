package dev.zengate.gateway.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects the lines the gateway logs under some logger names (SLF4J goes to java.util.logging), so
 * tests can assert on what an operator would read.
 */
public final class LogCapture implements AutoCloseable {

  private final List<String> lines = new CopyOnWriteArrayList<>();
  // Held strongly: java.util.logging forgets loggers nobody references, and their handlers too.
  private final List<Logger> loggers = new ArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          lines.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  public LogCapture(String... loggerNames) {
    for (String name : loggerNames) {
      Logger logger = Logger.getLogger(name);
      logger.addHandler(handler);
      loggers.add(logger);
    }
  }

  /** The node's per-connection log: one line per closed connection. */
  public static LogCapture connections() {
    return new LogCapture("dev.zengate.gateway.connections");
  }

  /** What was captured so far. */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  /** The first line matching, waiting up to 10 s (connection lines are written on close). */
  public String await(Predicate<String> matching) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      for (String line : lines) {
        if (matching.test(line)) {
          return line;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no log line matched; captured:\n" + String.join("\n", lines));
  }

  @Override
  public void close() {
    loggers.forEach(logger -> logger.removeHandler(handler));
  }
}
