package dev.zengate.management.domain.shared;

/** Too many failed attempts from this user name or address: try again after a pause. */
public class TooManyAttemptsException extends DomainProblem {

  private static final long serialVersionUID = 1L;

  private final long retryAfterSeconds;

  public TooManyAttemptsException(String message, long retryAfterSeconds) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** How long the caller should wait before the next attempt. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  @Override
  public String kind() {
    return "too-many-attempts";
  }
}
