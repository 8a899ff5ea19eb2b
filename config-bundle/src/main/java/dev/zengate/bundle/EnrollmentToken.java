package dev.zengate.bundle;

import java.util.regex.Pattern;

/**
 * The one-time token an admin hands to a node's operator. It carries the fingerprint of the
 * management server's bundle-signing key, so the node verifies the key it receives at enrollment
 * instead of trusting its first contact.
 *
 * <p>Text form: {@code zge1.<id>.<secret>.<fingerprint>}.
 */
public record EnrollmentToken(long id, String secret, String signingKeyFingerprint) {

  private static final Pattern FORM =
      Pattern.compile("zge1\\.([0-9]{1,18})\\.([A-Za-z0-9_-]{43})\\.([0-9a-f]{64})");

  /**
   * Parses a token.
   *
   * @throws IllegalArgumentException when {@code text} is not a Zengate enrollment token
   */
  public static EnrollmentToken parse(String text) {
    var matcher = FORM.matcher(text == null ? "" : text.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "not a Zengate enrollment token (expected zge1.<id>.<secret>.<fingerprint>)");
    }
    return new EnrollmentToken(
        Long.parseLong(matcher.group(1)), matcher.group(2), matcher.group(3));
  }

  @Override
  public String toString() {
    return "zge1." + id + "." + secret + "." + signingKeyFingerprint;
  }
}
