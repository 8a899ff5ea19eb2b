package dev.zengate.management.application;

import dev.zengate.bundle.watch.WatchPolicy;
import dev.zengate.management.domain.notification.ChannelSettings;
import dev.zengate.management.domain.notification.SmtpServer;

/**
 * The watch's global settings (table certificate_watch_settings): the schedule of certificates no
 * pair uses and of pairs without settings, the channels pairs inherit, and the SMTP server (null:
 * none configured).
 */
public record WatchDefaults(WatchPolicy policy, ChannelSettings channels, SmtpServer smtp) {

  public String syslogTarget() {
    return channels.syslogTarget();
  }
}
