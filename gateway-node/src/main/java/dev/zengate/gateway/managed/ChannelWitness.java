package dev.zengate.gateway.managed;

import dev.zengate.bundle.channel.ChannelMessage;
import dev.zengate.gateway.managed.channel.ChannelClient;
import dev.zengate.gateway.pair.MasterWitness;
import dev.zengate.gateway.pair.PairRole;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management cluster as the pair's witness, over the node channel. While master, the node
 * renews its pair's lease every {@link #RENEW}; the cluster keeps it for {@link #LEASE} (600 ms)
 * after the last renewal, and only the lease holder's own channel can renew it (the cluster takes
 * the pair and node from the client certificate). A backup whose peer went silent asks: the cluster
 * agrees (and hands it the lease) only when no live lease names another node. Without the channel
 * the answer is "cannot tell" and the election behaves as plain VRRP.
 */
public final class ChannelWitness implements MasterWitness, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ChannelWitness.class);
  static final Duration RENEW = Duration.ofMillis(150);
  public static final Duration LEASE = Duration.ofMillis(600);

  private final long pairId;
  private final Supplier<ChannelClient> channel;
  private final Supplier<Optional<PairRole>> role;
  private final ScheduledExecutorService renewer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "zengate-witness");
            t.setDaemon(true);
            return t;
          });

  public ChannelWitness(
      long pairId, Supplier<ChannelClient> channel, Supplier<Optional<PairRole>> role) {
    this.pairId = pairId;
    this.channel = channel;
    this.role = role;
  }

  /** Starts renewing the lease while this node is master. */
  public void start() {
    renewer.scheduleWithFixedDelay(
        this::renew, RENEW.toMillis(), RENEW.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public Optional<Boolean> mayBecomeMaster(Query query) {
    ChannelClient client = channel.get();
    if (client == null || !client.connected()) {
      return Optional.empty();
    }
    try {
      String verdict = client.ask(pairId, query.answerWithin()).get().verdict();
      return switch (verdict) {
        case "agreed" -> Optional.of(true);
        case "refused" -> Optional.of(false); // the partner renews: alive, only our link is cut
        default -> Optional.empty();
      };
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TimeoutException)) {
        LOG.warn("pair_witness_unanswered pair={} error=\"{}\"", pairId, e.getCause().toString());
      }
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  @Override
  public String describe() {
    return "management-lease";
  }

  private void renew() {
    try {
      ChannelClient client = channel.get();
      if (client != null && role.get().map(r -> r == PairRole.MASTER).orElse(false)) {
        client.send(new ChannelMessage.LeaseRenewal(pairId));
      }
    } catch (RuntimeException e) {
      LOG.debug("pair witness lease not renewed: {}", e.toString());
    }
  }

  @Override
  public void close() {
    renewer.shutdownNow();
  }
}
