package dev.zengate.gateway.reload;

import java.time.Instant;

/**
 * The result of one reload attempt.
 *
 * @param applied whether the new configuration is now served
 * @param version version of the configuration served after the attempt
 * @param error the one-line reason when rejected, else null
 */
public record ReloadOutcome(
    boolean applied, String trigger, Instant at, String version, String error) {}
