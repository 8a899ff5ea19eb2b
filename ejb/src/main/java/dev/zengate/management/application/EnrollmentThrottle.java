package dev.zengate.management.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

/**
 * Refused enrollments per token id and per source address, with the same backoff and audit
 * summarising as sign-ins ({@link LoginThrottle}): guessing tokens costs the guesser time and
 * leaves a few summary rows in the audit trail, not one row (and one lock on its chain) per guess.
 */
@ApplicationScoped
@Typed(EnrollmentThrottle.class)
public class EnrollmentThrottle extends LoginThrottle {}
