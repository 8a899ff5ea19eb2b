package dev.zengate.management.domain.shared;

import jakarta.ejb.ApplicationException;

/**
 * A request the domain refuses, with a message in plain words for the operator. The REST layer
 * turns each kind into an HTTP status and a problem+json body; the transaction is rolled back, so
 * nothing is stored or half-applied.
 */
@ApplicationException(inherited = true, rollback = true)
public abstract class DomainProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  protected DomainProblem(String message) {
    super(message, null, false, false);
  }

  /** A short identifier of the kind of problem, used in the problem's {@code type} URI. */
  public abstract String kind();
}
