package dev.zengate.gateway.pair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.gateway.config.PairHooks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transition hook as a real child process: arguments, environment, order and timeout. */
class HookRunnerTest {

  @TempDir Path dir;

  static Transition transition(PairRole from, PairRole to, TransitionCause cause) {
    return new Transition(from, to, cause, Instant.now(), "", null);
  }

  @Test
  void everyTransitionRunsTheCommandInOrderWithRoleAndCause() throws Exception {
    Path out = dir.resolve("hook.out");
    PairHooks hooks =
        new PairHooks(
            List.of(
                "sh",
                "-c",
                "echo \"$1 $2 $ZENGATE_PAIR_PREVIOUS_ROLE $ZENGATE_PAIR_ID $ZENGATE_NODE\" >> "
                    + out,
                "hook"),
            Duration.ofSeconds(10));
    HookRunner runner = new HookRunner(hooks, "p1", "node-x");
    runner.submit(transition(PairRole.INIT, PairRole.BACKUP, TransitionCause.STARTUP));
    runner.submit(transition(PairRole.BACKUP, PairRole.MASTER, TransitionCause.PEER_SILENT));
    runner.close();
    assertEquals(
        List.of("backup startup init p1 node-x", "master peer_silent backup p1 node-x"),
        Files.readAllLines(out));
  }

  @Test
  void aHookThatOutlivesItsTimeoutIsKilled() {
    PairHooks hooks =
        new PairHooks(List.of("sh", "-c", "sleep 60", "hook"), Duration.ofMillis(300));
    HookRunner runner = new HookRunner(hooks, "p1", "node-x");
    long start = System.nanoTime();
    runner.submit(transition(PairRole.BACKUP, PairRole.MASTER, TransitionCause.PEER_SILENT));
    runner.close();
    long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(tookMs >= 250 && tookMs < 10_000, "took " + tookMs + " ms");
  }
}
