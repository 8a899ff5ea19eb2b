package dev.zengate.management.domain.shared;

/**
 * The server lacks something it needs for this request (e.g. its master key): not the client's
 * fault.
 */
public class UnavailableException extends DomainProblem {

  private static final long serialVersionUID = 1L;

  public UnavailableException(String message) {
    super(message);
  }

  @Override
  public String kind() {
    return "unavailable";
  }
}
