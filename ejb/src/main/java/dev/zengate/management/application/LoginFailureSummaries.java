package dev.zengate.management.application;

import dev.zengate.management.domain.audit.Actor;
import dev.zengate.management.domain.audit.AuditedChange;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Once a minute, one audit row for each name and address whose failed sign-ins (or refused
 * enrollments, per token) in the last window were not audited one by one: a guessing run leaves a
 * few rows that say how many attempts it made, not one row (and one lock on the audit chain) per
 * guess.
 */
@Singleton
public class LoginFailureSummaries {

  @Inject private LoginThrottle throttle;
  @Inject private EnrollmentThrottle enrollments;
  @Inject private AuditTrail audit;

  @Schedule(hour = "*", minute = "*", second = "15", persistent = false)
  public void summarise() {
    for (LoginThrottle.Summary summary : enrollments.endedWindows()) {
      audit.recordIndependently(
          new Actor("enrollment", summary.address()),
          new AuditedChange(
              "node.enroll.refused.repeated", "node", "", null, AuditJson.of(counts(summary))));
    }
    for (LoginThrottle.Summary summary : throttle.endedWindows()) {
      Map<String, Object> after = counts(summary);
      String name = summary.username().isBlank() ? "(none)" : summary.username();
      audit.recordIndependently(
          new Actor(name, summary.address()),
          new AuditedChange(
              "login.failed.repeated", "user", summary.username(), null, AuditJson.of(after)));
    }
  }

  private static Map<String, Object> counts(LoginThrottle.Summary summary) {
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("attempt", summary.username());
    after.put("failures", summary.failures());
    after.put("from", summary.from().toString());
    after.put("to", summary.to().toString());
    return after;
  }
}
