package dev.zengate.management.infrastructure.channel;

import dev.zengate.bundle.settings.ClockStatus;
import dev.zengate.bundle.settings.NodeSettings;
import java.time.Instant;
import java.util.Set;

/**
 * Bounds what a node says about its settings and clock before it is stored: settings that the
 * shared rules refuse, unknown clock states and oversized texts are dropped, not trusted.
 */
final class ReportedRuntime {

  private static final Set<String> CLOCK_STATES =
      Set.of("unchecked", "ok", "skewed", "unreachable");
  private static final int MAX_ENTRIES = 16;

  private ReportedRuntime() {}

  static NodeSettings settings(NodeSettings reported) {
    if (reported == null
        || reported.dnsServers().size() > MAX_ENTRIES
        || reported.ntpServers().size() > MAX_ENTRIES) {
      return null;
    }
    try {
      return reported.checked();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static ClockStatus clock(ClockStatus reported) {
    if (reported == null || !CLOCK_STATES.contains(reported.state())) {
      return null;
    }
    return new ClockStatus(
        reported.state(),
        reported.offsetMillis(),
        truncate(reported.server(), 300),
        instantOrNull(reported.checkedAt()),
        truncate(reported.error(), 500));
  }

  private static String instantOrNull(String text) {
    try {
      return text == null ? null : Instant.parse(text).toString();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
