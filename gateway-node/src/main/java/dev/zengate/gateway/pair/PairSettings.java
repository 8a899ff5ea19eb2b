package dev.zengate.gateway.pair;

import dev.zengate.gateway.config.ConfigProblem;
import dev.zengate.gateway.config.PairConfig;
import dev.zengate.gateway.config.PairHooks;
import dev.zengate.gateway.config.PairTieBreak;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * A validated {@code pair:} section as the election uses it: resolved socket addresses (IP
 * literals, so no DNS), the effective dead interval and the secret's bytes.
 *
 * @param secret HMAC key, or null when advertisements are not authenticated
 */
public record PairSettings(
    String pairId,
    String node,
    InetSocketAddress listen,
    InetSocketAddress peer,
    int priority,
    boolean preempt,
    Duration advertInterval,
    Duration deadInterval,
    PairTieBreak tieBreak,
    byte[] secret,
    boolean serveWhenBackup,
    PairHooks hooks) {

  public static PairSettings from(String node, PairConfig config) throws ConfigProblem {
    return new PairSettings(
        config.id(),
        node,
        address(config.listen().host(), config.listen().port()),
        address(config.peer().host(), config.peer().port()),
        config.priority(),
        config.preempt(),
        config.advertInterval(),
        config.effectiveDeadInterval(),
        config.tieBreak(),
        config.secretBytes(),
        config.serveWhenBackup(),
        config.hooks());
  }

  /** An address from an IP literal (validated as such), never through DNS. */
  static InetSocketAddress address(String ip, int port) {
    try {
      return new InetSocketAddress(InetAddress.getByName(ip), port);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: " + ip, e);
    }
  }

  public boolean authenticated() {
    return secret != null;
  }
}
