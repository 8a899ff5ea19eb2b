package dev.zengate.management.domain.shared;

/** The input is malformed or breaks a rule (bad certificate, key does not match, bad port…). */
public class InvalidInputException extends DomainProblem {

  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }

  @Override
  public String kind() {
    return "invalid-input";
  }
}
