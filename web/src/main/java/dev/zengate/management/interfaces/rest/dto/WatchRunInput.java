package dev.zengate.management.interfaces.rest.dto;

/**
 * A run of the watch on request. {@code at} (an ISO-8601 instant) is the watch's time, accepted
 * only by a server started with {@code ZENGATE_WATCH_TEST_CLOCK=true} (tests); omit it otherwise.
 */
public record WatchRunInput(String at) {}
