package dev.zengate.gateway.metrics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The last few handshake failures of a listener, for the status JSON: an operator asked "why was
 * this partner refused?" sees the answer without searching logs. Bounded, so a scan cannot grow it.
 */
public final class RecentFailures {

  /** One failed handshake, explained; {@code at} in ISO-8601 as the status JSON shows it. */
  public record Failure(
      String at, String side, String peer, String reason, String offered, String detail) {}

  static final int KEPT = 10;

  private final ArrayDeque<Failure> failures = new ArrayDeque<>(KEPT);

  synchronized void add(Failure failure) {
    if (failures.size() == KEPT) {
      failures.removeFirst();
    }
    failures.addLast(failure);
  }

  /** Newest first. */
  public synchronized List<Failure> snapshot() {
    List<Failure> newestFirst = new ArrayList<>(failures.size());
    failures.descendingIterator().forEachRemaining(newestFirst::add);
    return newestFirst;
  }
}
