package dev.zengate.gateway.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects the lines a gateway logger writes (through SLF4J's JDK binding) while open. */
public final class LogLines implements AutoCloseable {

  private final Logger logger;
  private final List<String> lines = new CopyOnWriteArrayList<>();
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

  private LogLines(String loggerName) {
    // Keep a strong reference: JUL holds loggers weakly and would drop the handler with them.
    logger = Logger.getLogger(loggerName);
    logger.addHandler(handler);
  }

  /** The connection log: one line per closed connection. */
  public static LogLines connections() {
    return new LogLines("dev.zengate.gateway.connections");
  }

  public static LogLines of(String loggerName) {
    return new LogLines(loggerName);
  }

  /** The first line matching within five seconds; fails the test with every line seen if none. */
  public String await(Predicate<String> matching) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline) {
      for (String line : lines) {
        if (matching.test(line)) {
          return line;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no matching log line; seen: " + lines);
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
  }
}
