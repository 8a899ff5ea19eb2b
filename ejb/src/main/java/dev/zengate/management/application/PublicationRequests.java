package dev.zengate.management.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Coalesces publication requests: a burst of changes (an import of many certificates, a thousand
 * enrollments) costs one publication pass after the pass in progress, not one pass per change.
 */
@ApplicationScoped
public class PublicationRequests {

  private final AtomicBoolean pending = new AtomicBoolean();

  /** Records a request; true when the caller must start a pass (none is waiting yet). */
  public boolean request() {
    return pending.compareAndSet(false, true);
  }

  /** Claims the waiting request for the pass about to run; false when there is none. */
  public boolean take() {
    return pending.getAndSet(false);
  }
}
