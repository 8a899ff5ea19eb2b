package dev.zengate.gateway.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations written as operators write them: {@code 250ms}, {@code 10s}, {@code 5m}. */
public final class DurationParser extends StdScalarDeserializer<Duration> {

  private static final long serialVersionUID = 1L;
  private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

  DurationParser() {
    super(Duration.class);
  }

  @Override
  public Duration deserialize(JsonParser parser, DeserializationContext context)
      throws IOException {
    String text = parser.getValueAsString();
    try {
      return parse(text);
    } catch (IllegalArgumentException e) {
      return (Duration) context.handleWeirdStringValue(Duration.class, text, e.getMessage());
    }
  }

  public static Duration parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("expected a duration like 10s");
    }
    Matcher m = SIMPLE.matcher(text.trim());
    if (m.matches()) {
      long amount = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofHours(amount);
      };
    }
    try {
      return Duration.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration (use e.g. 500ms, 10s, 5m, 1h)");
    }
  }
}
