package dev.zengate.management.domain.shared;

/** The request clashes with what is stored (a duplicate name, an object still in use). */
public class ConflictException extends DomainProblem {

  private static final long serialVersionUID = 1L;

  public ConflictException(String message) {
    super(message);
  }

  private ConflictException(String field, Message words) {
    super(field, words);
  }

  /** A clash about the request's JSON property {@code field}, worded by {@code key}. */
  public static ConflictException at(String field, String key, Object... args) {
    return new ConflictException(field, new Message(key, args));
  }

  @Override
  public String kind() {
    return "conflict";
  }
}
