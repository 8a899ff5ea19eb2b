package dev.zengate.management.domain.shared;

import jakarta.ejb.ApplicationException;
import java.util.Locale;

/**
 * A request the domain refuses, with a message in plain words for the operator. The REST layer
 * turns each kind into an HTTP status and a problem+json body; the transaction is rolled back, so
 * nothing is stored or half-applied.
 */
@ApplicationException(inherited = true, rollback = true)
public abstract class DomainProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Message words;
  private final String field;

  protected DomainProblem(String message) {
    super(message, null, false, false);
    this.words = null;
    this.field = null;
  }

  /**
   * A problem worded by a key of the domain's messages (English in {@link #getMessage()}).
   *
   * @param field the request's JSON property it concerns, or null for the request as a whole
   */
  protected DomainProblem(String field, Message words) {
    super(words.render(Locale.ENGLISH), null, false, false);
    this.words = words;
    this.field = field;
  }

  /** The message in {@code locale} where it is translated; English otherwise. */
  public String detail(Locale locale) {
    return words == null ? getMessage() : words.render(locale);
  }

  /** The request's JSON property the problem concerns, or null. */
  public String field() {
    return field;
  }

  /** The words as a message, to be wrapped in a larger one. */
  protected Object words() {
    return words != null ? words : getMessage();
  }

  /** A short identifier of the kind of problem, used in the problem's {@code type} URI. */
  public abstract String kind();
}
