package dev.zengate.management.interfaces.rest.dto;

import java.time.OffsetDateTime;

/** A request for an API token of the caller's own, optionally expiring. */
public record TokenInput(String name, OffsetDateTime expiresAt) {}
