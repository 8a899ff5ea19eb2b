package dev.zengate.management.application;

import java.time.OffsetDateTime;

/**
 * A freshly issued enrollment token; its text is shown once and never stored.
 *
 * @param token text form to hand to the node's operator
 * @param signingKeyFingerprint the fingerprint the token pins
 */
public record IssuedEnrollment(
    String token, long nodeId, OffsetDateTime expiresAt, String signingKeyFingerprint) {}
