package dev.zengate.management.domain.listener;

/** How a listener checks the peer certificate's revocation. */
public enum RevocationCheck {
  NONE,
  OCSP,
  CRL,
  BOTH
}
