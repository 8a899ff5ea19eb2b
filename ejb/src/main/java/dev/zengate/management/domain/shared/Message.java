package dev.zengate.management.domain.shared;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A refusal's words by key, in {@code Messages.properties} (English: logs and API clients) and
 * {@code Messages_ja.properties} (the console in Japanese). An argument that is itself a message (a
 * field's label) is rendered in the same language.
 */
public record Message(String key, Object... args) {

  private static final String BUNDLE = "dev.zengate.management.domain.Messages";

  public String render(Locale locale) {
    ResourceBundle bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    Object[] rendered =
        Arrays.stream(args)
            .map(
                a ->
                    // Numbers as written (a port 70000, an id 1234), not "70,000".
                    a instanceof Message m
                        ? m.render(locale)
                        : a instanceof Number
                            ? a.toString()
                            : a instanceof List<?> l ? list(l, locale) : a)
            .toArray();
    MessageFormat format = new MessageFormat(bundle.getString(key), locale);
    return format.format(rendered);
  }

  /** A list argument, each item rendered, separated by commas. */
  private static String list(List<?> items, Locale locale) {
    return items.stream()
        .map(i -> i instanceof Message m ? m.render(locale) : String.valueOf(i))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /** Whether {@code field} has a label in the messages. */
  public static boolean isField(String field) {
    return ResourceBundle.getBundle(BUNDLE, Locale.ROOT).containsKey("field." + field);
  }

  /** The label of {@code name} when it is a field that has one, else {@code name} as it is. */
  public static Message labelOr(String name) {
    return isField(name) ? label(name) : new Message("text", name);
  }

  /** A form field's label, e.g. {@code label("bindPort")} → "bind port" / "待ち受けポート". */
  public static Message label(String field) {
    return new Message("field." + field);
  }
}
