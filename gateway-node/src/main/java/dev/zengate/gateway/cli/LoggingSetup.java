package dev.zengate.gateway.cli;

/**
 * One log record per line (timestamp, level, logger, message) so connection and handshake lines can
 * be grepped and shipped as they are. Respects a format the operator already set.
 */
final class LoggingSetup {

  private LoggingSetup() {}

  static void configure() {
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty(
          "java.util.logging.SimpleFormatter.format",
          "%1$tY-%1$tm-%1$tdT%1$tH:%1$tM:%1$tS.%1$tL %4$s %3$s %5$s%6$s%n");
    }
  }
}
