package dev.zengate.management.application;

/** A node's enrollment was reset (fired in the resetting transaction). */
public record EnrollmentReset(long nodeId) {}
