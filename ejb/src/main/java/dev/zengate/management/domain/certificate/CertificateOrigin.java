package dev.zengate.management.domain.certificate;

/** How a certificate reached the system. */
public enum CertificateOrigin {
  /** Uploaded by an operator (with or without its key). */
  IMPORTED,
  /** Issued for a key pair and CSR generated here. */
  CSR,
  /** Seen live on a partner's handshake. */
  OBSERVED
}
