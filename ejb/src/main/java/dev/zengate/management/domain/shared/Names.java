package dev.zengate.management.domain.shared;

import java.util.regex.Pattern;

/** The rules for names operators give to pairs, nodes and listeners. */
public final class Names {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  private Names() {}

  public static String require(String what, String value) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw new InvalidInputException(
          what
              + " '"
              + (value == null ? "" : value)
              + "' is not valid: use 1-100 letters, digits, '.', '_' or '-', starting with a letter"
              + " or digit");
    }
    return value;
  }

  public static String optional(String what, String value, int maxLength) {
    if (value == null) {
      return "";
    }
    if (value.length() > maxLength) {
      throw new InvalidInputException(what + " is longer than " + maxLength + " characters");
    }
    return value;
  }
}
