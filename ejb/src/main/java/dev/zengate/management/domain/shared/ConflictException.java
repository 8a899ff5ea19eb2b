package dev.zengate.management.domain.shared;

/** The request clashes with what is stored (a duplicate name, an object still in use). */
public class ConflictException extends DomainProblem {

  private static final long serialVersionUID = 1L;

  public ConflictException(String message) {
    super(message);
  }

  @Override
  public String kind() {
    return "conflict";
  }
}
