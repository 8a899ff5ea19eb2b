package dev.zengate.bundle;

import java.util.Base64;

/** The one text encoding of binary values in bundles, tokens and reports: base64url, no padding. */
public final class Base64Text {

  private Base64Text() {}

  public static String encode(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * Decodes {@code text}.
   *
   * @throws IllegalArgumentException when it is not base64url
   */
  public static byte[] decode(String text) {
    if (text == null) {
      throw new IllegalArgumentException("missing base64url value");
    }
    return Base64.getUrlDecoder().decode(text);
  }
}
