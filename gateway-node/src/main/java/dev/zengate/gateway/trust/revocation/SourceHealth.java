package dev.zengate.gateway.trust.revocation;

import java.time.Duration;
import java.time.Instant;

/**
 * Health of one revocation source for the status JSON and metrics: when it was last fetched, when
 * its data expires, and the last error. Null fields mean "never".
 *
 * @param kind {@code ocsp} or {@code crl}
 * @param stale a CRL past its nextUpdate that could not be refreshed
 * @param clockSkew the responder's producedAt minus the local clock at the last OCSP answer (F11)
 */
public record SourceHealth(
    String kind,
    String url,
    Instant lastAttempt,
    Instant lastSuccess,
    Instant nextUpdate,
    String lastError,
    long failures,
    boolean stale,
    Duration clockSkew) {}
