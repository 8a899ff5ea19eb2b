package dev.zengate.management.domain.shared;

/** A request refused for who is asking or with what credential (a used or expired token). */
public class RefusedException extends DomainProblem {

  private static final long serialVersionUID = 1L;

  public RefusedException(String message) {
    super(message);
  }

  @Override
  public String kind() {
    return "refused";
  }
}
