package dev.zengate.management.domain.shared;

/** Someone changed the object since the client read it: it must read it again and redo. */
public class StaleVersionException extends DomainProblem {

  private static final long serialVersionUID = 1L;

  public StaleVersionException(String what, Object id, long expected, long actual) {
    super(
        what
            + " "
            + id
            + " was changed by someone else (you edited version "
            + expected
            + ", it is now at version "
            + actual
            + "); read it again and reapply your change");
  }

  @Override
  public String kind() {
    return "stale-version";
  }
}
