package dev.zengate.management.domain.shared;

/** The object named in the request does not exist. */
public class NotFoundException extends DomainProblem {

  private static final long serialVersionUID = 1L;

  public NotFoundException(String what, Object id) {
    super(what + " " + id + " does not exist");
  }

  @Override
  public String kind() {
    return "not-found";
  }
}
