package dev.zengate.management.interfaces.rest.dto;

import dev.zengate.bundle.watch.ExpirySchedule;
import dev.zengate.management.application.WatchDefaults;

/**
 * The watch's global default, for certificates no pair uses: as shown, and as set (null fields: the
 * defaults FIXED, 30 days, no syslog).
 */
public record WatchSettingsView(
    ExpirySchedule expirySchedule, Integer expiryWarningDays, String syslogTarget) {

  public static WatchSettingsView of(WatchDefaults defaults) {
    return new WatchSettingsView(
        defaults.policy().schedule(), defaults.policy().warningDays(), defaults.syslogTarget());
  }
}
