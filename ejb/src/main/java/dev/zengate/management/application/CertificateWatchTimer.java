package dev.zengate.management.application;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every five minutes on every management server; the run's advisory lock lets one of them work. Off
 * on test servers ({@code ZENGATE_WATCH_TEST_CLOCK=true}), where tests run the watch at the times
 * they choose.
 */
@Singleton
public class CertificateWatchTimer {

  private static final Logger LOG = Logger.getLogger(CertificateWatchTimer.class.getName());

  @Inject private CertificateWatch watch;

  @Schedule(hour = "*", minute = "*/5", second = "30", persistent = false)
  public void periodically() {
    if (CertificateWatch.testClock()) {
      return;
    }
    try {
      CertificateWatch.RunResult result = watch.run(Instant.now());
      if (result.ran() && result.recorded() + result.sent() + result.retrying() > 0) {
        LOG.info("certificate watch: " + result);
      }
    } catch (RuntimeException e) {
      // The database may be down or not yet migrated: the next run tries again.
      LOG.log(Level.WARNING, "certificate watch run failed: " + e.getMessage(), e);
    }
  }
}
