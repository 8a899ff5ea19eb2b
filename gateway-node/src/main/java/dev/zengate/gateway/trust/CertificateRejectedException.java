package dev.zengate.gateway.trust;

import java.security.cert.CertificateException;

/**
 * A peer's certificate chain was refused. Thrown from trust managers so the TLS engine can send the
 * matching alert; the message is the plain-words reason an operator reads in the log.
 */
public final class CertificateRejectedException extends CertificateException {

  private static final long serialVersionUID = 1L;

  private final RejectionKind kind;

  public CertificateRejectedException(RejectionKind kind, String reason) {
    super(reason);
    this.kind = kind;
  }

  public RejectionKind kind() {
    return kind;
  }
}
