package dev.zengate.management.domain.listener;

/**
 * What to do with a peer certificate that names no OCSP responder or CRL (the manual's "no AIA").
 */
public enum NoAiaPolicy {
  REJECT,
  ACCEPT
}
