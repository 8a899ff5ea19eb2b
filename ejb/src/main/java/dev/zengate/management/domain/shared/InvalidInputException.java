package dev.zengate.management.domain.shared;

/** The input is malformed or breaks a rule (bad certificate, key does not match, bad port…). */
public class InvalidInputException extends DomainProblem {

  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }

  private InvalidInputException(String field, Message words) {
    super(field, words);
  }

  /**
   * A refusal of one field of the request ({@code field} is its JSON property, null when the
   * refusal concerns the request as a whole), in words looked up by {@code key}.
   */
  public static InvalidInputException at(String field, String key, Object... args) {
    return new InvalidInputException(field, new Message(key, args));
  }

  /** The same refusal about a field inside a larger one (a row of a table). */
  public InvalidInputException within(String outerField, String key, Object... args) {
    Object[] all = java.util.Arrays.copyOf(args, args.length + 1);
    all[args.length] = words();
    return new InvalidInputException(outerField, new Message(key, all));
  }

  @Override
  public String kind() {
    return "invalid-input";
  }
}
