package dev.zengate.gateway.trust.revocation;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/** Decides whether the certificates of an otherwise valid path are revoked. */
public interface RevocationChecker {

  /** A checker that checks nothing: revocation mode {@code none}. */
  RevocationChecker NONE = (path, at) -> RevocationOutcome.good(List.of());

  /**
   * Checks every certificate of {@code path} (leaf first, trust anchor last) except the anchor. May
   * block on the network for at most the policy's timeout: never call it on an event loop.
   */
  RevocationOutcome check(List<X509Certificate> path, Instant at);
}
