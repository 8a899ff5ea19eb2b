package dev.zengate.bundle;

/**
 * A bundle a node must not apply, with a short machine-readable {@code code} (metric label and
 * report field) and a sentence for the operator.
 */
public final class BundleRejectedException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String code;

  public BundleRejectedException(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
