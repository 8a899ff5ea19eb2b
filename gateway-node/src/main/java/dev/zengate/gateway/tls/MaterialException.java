package dev.zengate.gateway.tls;

/** A certificate, key or keystore file that cannot be used; the message names the file. */
public final class MaterialException extends Exception {

  private static final long serialVersionUID = 1L;

  public MaterialException(String message, Throwable cause) {
    super(message, cause);
  }
}
