package dev.zengate.gateway.config;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Rules of the {@code pair:} section, kept apart from the listener rules of {@link
 * ConfigValidator}.
 */
final class PairValidator {

  /** Longest pair id and node name an advertisement carries (UTF-8 bytes). */
  static final int MAX_NAME_BYTES = 64;

  static final Duration MIN_ADVERT_INTERVAL = Duration.ofMillis(10);
  static final Duration MAX_ADVERT_INTERVAL = Duration.ofSeconds(10);
  static final int MIN_SECRET_LENGTH = 16;

  private PairValidator() {}

  static void validate(GatewayConfig config) throws ConfigProblem {
    PairConfig pair = config.pair();
    if (pair == null) {
      return;
    }
    if (pair.id() == null || pair.id().isBlank()) {
      throw new ConfigProblem("pair.id", "a pair id is required (the same on both members)");
    }
    if (bytes(pair.id()) > MAX_NAME_BYTES) {
      throw new ConfigProblem("pair.id", "at most " + MAX_NAME_BYTES + " bytes");
    }
    if (bytes(config.node().name()) > MAX_NAME_BYTES) {
      throw new ConfigProblem(
          "node.name", "a pair member's name is at most " + MAX_NAME_BYTES + " bytes");
    }
    address(pair.listen(), "pair.listen", "this node's heartbeat address");
    address(pair.peer(), "pair.peer", "the peer's heartbeat address");
    if (pair.listen().equals(pair.peer())) {
      throw new ConfigProblem("pair.peer", "is the same as pair.listen");
    }
    if (pair.priority() < 1 || pair.priority() > 254) {
      throw new ConfigProblem(
          "pair.priority", "must be 1-254 (0 is the resign signal, 255 is reserved)");
    }
    Duration advert = pair.advertInterval();
    if (advert.compareTo(MIN_ADVERT_INTERVAL) < 0 || advert.compareTo(MAX_ADVERT_INTERVAL) > 0) {
      throw new ConfigProblem("pair.advertInterval", "must be between 10ms and 10s");
    }
    if (pair.deadInterval() != null && pair.deadInterval().compareTo(advert.multipliedBy(2)) < 0) {
      throw new ConfigProblem(
          "pair.deadInterval",
          "must be at least twice advertInterval ("
              + advert.multipliedBy(2).toMillis()
              + "ms), or one lost advertisement makes a second master");
    }
    if (pair.secret() != null && pair.secretFile() != null) {
      throw new ConfigProblem("pair", "give either secret or secretFile, not both");
    }
    if (pair.secret() != null && pair.secret().length() < MIN_SECRET_LENGTH) {
      throw new ConfigProblem(
          "pair.secret", "at least " + MIN_SECRET_LENGTH + " characters (or use secretFile)");
    }
    for (int i = 0; i < pair.hooks().onTransition().size(); i++) {
      String arg = pair.hooks().onTransition().get(i);
      if (arg == null || (i == 0 && arg.isBlank())) {
        throw new ConfigProblem(
            "pair.hooks.onTransition[" + i + "]", i == 0 ? "the command is empty" : "empty");
      }
    }
    Duration timeout = pair.hooks().timeout();
    if (timeout.isZero() || timeout.isNegative()) {
      throw new ConfigProblem("pair.hooks.timeout", "must be greater than zero");
    }
  }

  private static void address(HostPort address, String at, String what) throws ConfigProblem {
    if (address == null) {
      throw new ConfigProblem(at, what + " HOST:PORT is required");
    }
    if (!IpLiteral.isIpLiteral(address.host())) {
      throw new ConfigProblem(
          at, "'" + address.host() + "' is not an IP address (heartbeats do not depend on DNS)");
    }
    if (address.host().equals("0.0.0.0") || address.host().equals("::")) {
      throw new ConfigProblem(at, "give the member's own address, not a wildcard");
    }
  }

  private static int bytes(String text) {
    return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
  }
}
