package dev.zengate.gateway.config;

import java.time.Duration;
import java.util.List;

/**
 * Commands run when this node's pair role changes.
 *
 * @param onTransition argv of a command run on every transition, with the new role and the cause
 *     appended as two more arguments (and in the environment); empty for none
 * @param timeout a hook still running after this is killed (default 10s)
 */
public record PairHooks(List<String> onTransition, Duration timeout) {

  public static final PairHooks NONE = new PairHooks(null, null);

  public PairHooks {
    onTransition = onTransition == null ? List.of() : List.copyOf(onTransition);
    timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
  }
}
