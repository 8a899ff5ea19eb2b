package dev.zengate.gateway.trust;

/**
 * A certificate, CRL or OCSP response could not be parsed or used at all. The message is one line
 * that names the problem; parsers throw nothing else, whatever the input.
 */
public class UnusableInputException extends Exception {

  private static final long serialVersionUID = 1L;

  public UnusableInputException(String message) {
    super(message);
  }

  public UnusableInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
