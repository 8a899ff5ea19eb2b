package dev.zengate.gateway.trust;

/**
 * A certificate that is recognisably a certificate but breaks a malformed-input rule of the strict
 * profile (duplicate extensions, an empty issuer, mismatched signature algorithms, ...). Where the
 * certificate came from a peer this is a rejection with the rule's reason, not unusable input.
 */
public final class MalformedCertificateException extends UnusableInputException {

  private static final long serialVersionUID = 1L;

  public MalformedCertificateException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
