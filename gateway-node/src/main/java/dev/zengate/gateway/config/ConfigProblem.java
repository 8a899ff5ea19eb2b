package dev.zengate.gateway.config;

/**
 * A semantic problem found in a parsed configuration, located by its field path (for example {@code
 * listeners[2].bind}). {@link ConfigSource} turns it into a line with file and position.
 */
public final class ConfigProblem extends Exception {

  private static final long serialVersionUID = 1L;

  private final String fieldPath;

  public ConfigProblem(String fieldPath, String message) {
    super(message);
    this.fieldPath = fieldPath;
  }

  public ConfigProblem(String fieldPath, String message, Throwable cause) {
    super(message, cause);
    this.fieldPath = fieldPath;
  }

  public String fieldPath() {
    return fieldPath;
  }
}
