package dev.zengate.gateway.managed;

import dev.zengate.bundle.PartnerCertificate;
import dev.zengate.bundle.channel.ChannelMessage;
import dev.zengate.gateway.partners.PartnerCertificates;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the management cluster which partner certificates the listeners saw: every {@link
 * #INTERVAL}, what is new or seen again, in messages of at most {@link
 * ChannelMessage#MAX_PARTNER_CERTIFICATES} and at most {@link #MESSAGES_PER_TICK} of them, well
 * inside the channel's rate limit next to heartbeats and lease renewals. What could not be sent
 * (channel down) goes in a later message.
 */
public final class PartnerReporter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PartnerReporter.class);

  static final Duration INTERVAL = Duration.ofSeconds(2);
  static final int MESSAGES_PER_TICK = 2;

  private final PartnerCertificates partners;
  private final Predicate<ChannelMessage> channel;
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "zengate-partners");
            t.setDaemon(true);
            return t;
          });

  /** {@code channel} sends a message and says whether it was written. */
  public PartnerReporter(PartnerCertificates partners, Predicate<ChannelMessage> channel) {
    this.partners = partners;
    this.channel = channel;
  }

  public void start() {
    long millis = INTERVAL.toMillis();
    thread.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
  }

  void tick() {
    try {
      for (int i = 0; i < MESSAGES_PER_TICK; i++) {
        List<PartnerCertificate> changed =
            partners.takeChanged(ChannelMessage.MAX_PARTNER_CERTIFICATES);
        if (changed.isEmpty()) {
          return;
        }
        if (!channel.test(new ChannelMessage.PartnerCertificates(changed))) {
          partners.notHandedOut(changed);
          return;
        }
      }
    } catch (RuntimeException e) {
      LOG.debug("partner certificates not reported: {}", e.toString());
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
