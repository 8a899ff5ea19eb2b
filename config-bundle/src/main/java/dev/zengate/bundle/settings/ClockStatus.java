package dev.zengate.bundle.settings;

/**
 * How a node's clock compares with its time servers ({@code node.ntpServers}), as the node reports
 * it: OCSP answers and certificate validity are judged by this clock.
 *
 * @param state {@code unchecked} (no time servers set), {@code ok}, {@code skewed} (beyond the
 *     warning threshold) or {@code unreachable} (no server answered)
 * @param offsetMillis how far the server's clock is ahead of the node's, or null
 * @param server the server that answered (or the last one tried)
 * @param checkedAt ISO-8601 instant of the check, or null
 * @param error why no server answered, or null
 */
public record ClockStatus(
    String state, Long offsetMillis, String server, String checkedAt, String error) {

  public static final ClockStatus UNCHECKED = new ClockStatus("unchecked", null, null, null, null);
}
