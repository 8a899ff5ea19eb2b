package dev.zengate.management.interfaces.rest.dto;

/**
 * Optional settings of a new enrollment token.
 *
 * @param validitySeconds how long the token may be used (default 1800, at most 7 days)
 */
public record EnrollmentInput(Long validitySeconds) {}
