package dev.zengate.gateway.config;

/**
 * A configuration that cannot be served. The message is one line: {@code FILE[:LINE:COLUMN]:
 * [FIELD-PATH: ]problem}.
 */
public final class InvalidConfigException extends Exception {

  private static final long serialVersionUID = 1L;

  public InvalidConfigException(String oneLineMessage, Throwable cause) {
    super(oneLineMessage, cause);
  }
}
