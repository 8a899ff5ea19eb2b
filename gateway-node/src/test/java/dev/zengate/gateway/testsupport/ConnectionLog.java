package dev.zengate.gateway.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Captures the node's per-connection log lines (slf4j-jdk14 routes them to java.util.logging). */
public final class ConnectionLog extends Handler implements AutoCloseable {

  // A strong reference: java.util.logging keeps loggers weakly, and a collected logger would
  // lose the handler.
  private final Logger logger = Logger.getLogger("dev.zengate.gateway.connections");
  private final List<String> lines = new CopyOnWriteArrayList<>();

  private ConnectionLog() {
    logger.addHandler(this);
  }

  public static ConnectionLog capture() {
    return new ConnectionLog();
  }

  /** The first captured line matching {@code wanted}, waiting up to {@code timeout} for it. */
  public String await(Predicate<String> wanted, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (String line : lines) {
        if (wanted.test(line)) {
          return line;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no matching connection log line in " + lines);
      }
      Thread.sleep(20);
    }
  }

  @Override
  public void publish(LogRecord record) {
    // slf4j has already formatted the message.
    lines.add(record.getMessage());
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
  }
}
