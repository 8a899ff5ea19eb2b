package dev.zengate.management.interfaces.rest.dto;

/** "Send a test message" on one channel: SYSLOG, EMAIL or WEBHOOK. */
public record ChannelTestInput(String channel) {}
