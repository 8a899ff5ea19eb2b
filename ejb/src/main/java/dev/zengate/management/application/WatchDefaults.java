package dev.zengate.management.application;

import dev.zengate.bundle.watch.WatchPolicy;

/**
 * The watch's global default (table certificate_watch_settings): the schedule and syslog target of
 * certificates no pair uses, and of pairs without settings.
 */
public record WatchDefaults(WatchPolicy policy, String syslogTarget) {}
