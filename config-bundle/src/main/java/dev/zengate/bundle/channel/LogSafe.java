package dev.zengate.bundle.channel;

/** Text from a peer made safe for one log line: control characters escaped, length capped. */
public final class LogSafe {

  private static final int MAX = 200;

  private LogSafe() {}

  public static String of(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX) + 8);
    for (int i = 0; i < text.length() && out.length() < MAX; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '"' || c == '\\' || c == 0x2028 || c == 0x2029) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return text.length() > MAX ? out + "…" : out.toString();
  }
}
