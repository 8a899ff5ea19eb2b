package dev.zengate.management.domain.shared;

import java.util.regex.Pattern;

/** The rules for names operators give to pairs, nodes and listeners. */
public final class Names {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  private Names() {}

  /**
   * A name of 1-100 letters, digits, '.', '_' or '-'.
   *
   * @param field the request's JSON property
   * @param label the key of the name's label ({@code field.<label>} in the messages)
   */
  public static String require(String field, String label, String value) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw InvalidInputException.at(
          field, "name.invalid", Message.label(label), value == null ? "" : value);
    }
    return value;
  }

  public static String optional(String what, String value, int maxLength) {
    if (value == null) {
      return "";
    }
    if (value.length() > maxLength) {
      throw InvalidInputException.at(what, "name.tooLong", Message.label(what), maxLength);
    }
    return value;
  }
}
