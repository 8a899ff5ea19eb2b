package dev.zengate.gateway.pair;

import dev.zengate.gateway.config.PairHooks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@code pair.hooks.onTransition} command on every role change (for example a script that
 * moves a virtual IP and sends gratuitous ARP), one at a time and in order, on its own thread:
 * never on the election thread or an event loop. The command gets the new role and the cause as its
 * last two arguments and in {@code ZENGATE_PAIR_*} environment variables. A run that outlives the
 * timeout is killed. Every outcome is logged as one {@code pair_hook} line.
 */
public final class HookRunner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger("dev.zengate.gateway.pair");
  private static final int OUTPUT_KEPT = 2048;

  private final PairHooks hooks;
  private final String pairId;
  private final String node;
  private final ExecutorService runner =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "zengate-pair-hook");
            t.setDaemon(true);
            return t;
          });

  public HookRunner(PairHooks hooks, String pairId, String node) {
    this.hooks = hooks;
    this.pairId = pairId;
    this.node = node;
  }

  /** Queues a run for this transition; returns at once. */
  public void submit(Transition transition) {
    if (hooks.onTransition().isEmpty()) {
      return;
    }
    try {
      runner.execute(() -> run(transition));
    } catch (java.util.concurrent.RejectedExecutionException stopped) {
      LOG.warn("pair_hook skipped: the node is stopping (to={})", transition.to().label());
    }
  }

  private void run(Transition transition) {
    List<String> command = new ArrayList<>(hooks.onTransition());
    command.add(transition.to().label());
    command.add(transition.cause().label());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("ZENGATE_PAIR_ID", pairId);
    env.put("ZENGATE_NODE", node);
    env.put("ZENGATE_PAIR_ROLE", transition.to().label());
    env.put("ZENGATE_PAIR_PREVIOUS_ROLE", transition.from().label());
    env.put("ZENGATE_PAIR_CAUSE", transition.cause().label());
    env.put("ZENGATE_PAIR_PEER", transition.peer() == null ? "" : transition.peer().name());
    long started = System.nanoTime();
    String outcome;
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try {
      Process process = builder.start();
      Thread reader =
          new Thread(() -> keep(process.getInputStream(), output), "zengate-pair-hook-out");
      reader.setDaemon(true);
      reader.start();
      if (process.waitFor(hooks.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
        outcome = "exit=" + process.exitValue();
      } else {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        outcome = "exit=timeout";
      }
      reader.join(1000);
    } catch (IOException e) {
      outcome = "exit=not_started error=\"" + e.getMessage() + "\"";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      outcome = "exit=interrupted";
    }
    String text;
    synchronized (output) {
      text =
          output.toString(StandardCharsets.UTF_8).strip().replace("\n", "\\n").replace('"', '\'');
    }
    String line = "pair_hook pair={} node={} role={} cause={} {} duration_ms={} output=\"{}\"";
    Object[] args = {
      pairId,
      node,
      transition.to().label(),
      transition.cause().label(),
      outcome,
      TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
      text
    };
    if (outcome.equals("exit=0")) {
      LOG.info(line, args);
    } else {
      LOG.warn(line, args);
    }
  }

  private static void keep(InputStream in, ByteArrayOutputStream output) {
    byte[] buffer = new byte[1024];
    try (in) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        synchronized (output) {
          int room = OUTPUT_KEPT - output.size();
          if (room > 0) {
            output.write(buffer, 0, Math.min(n, room));
          }
        }
      }
    } catch (IOException e) {
      // The process was killed; keep what was read.
    }
  }

  /** Lets queued runs finish (each within its timeout), then stops. */
  @Override
  public void close() {
    runner.shutdown();
    try {
      if (!runner.awaitTermination(hooks.timeout().toMillis() + 2000, TimeUnit.MILLISECONDS)) {
        runner.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      runner.shutdownNow();
    }
  }
}
