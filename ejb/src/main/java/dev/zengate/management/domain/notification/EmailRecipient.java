package dev.zengate.management.domain.notification;

import dev.zengate.management.domain.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One recipient of the expiry digests and the language of their mail ({@code ja}, the default, or
 * {@code en}). Stored as a list {@code ja:ops@bank.example,en:it@bank.example}.
 */
public record EmailRecipient(String address, String language) {

  public static final Set<String> LANGUAGES = Set.of("ja", "en");

  // Deliberately plain: the SMTP server is the judge; this catches typing slips and stops header
  // injection (no spaces, commas, angle brackets or line breaks).
  private static final Pattern ADDRESS =
      Pattern.compile("[^@\\s,<>\"]+@[^@\\s,<>\"]+\\.[^@\\s,<>\"]+");

  /** Checks a recipient as the API receives it; {@code field} names it in errors. */
  public static EmailRecipient of(String field, String address, String language) {
    String trimmed = address == null ? "" : address.trim();
    if (trimmed.length() > 254 || !ADDRESS.matcher(trimmed).matches()) {
      throw new InvalidInputException(
          field + ": '" + (address == null ? "" : address) + "' is not an e-mail address");
    }
    String lang = language == null || language.isBlank() ? "ja" : language.trim();
    lang = lang.toLowerCase(Locale.ROOT);
    if (!LANGUAGES.contains(lang)) {
      throw new InvalidInputException(
          field + ": language '" + language + "' of " + trimmed + " is not ja or en");
    }
    return new EmailRecipient(trimmed, lang);
  }

  /** The stored form of a list; null for none. */
  public static String format(List<EmailRecipient> recipients) {
    if (recipients == null || recipients.isEmpty()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    recipients.forEach(r -> parts.add(r.language() + ":" + r.address()));
    return String.join(",", parts);
  }

  /** A stored list; empty for none. */
  public static List<EmailRecipient> parse(String stored) {
    List<EmailRecipient> recipients = new ArrayList<>();
    if (stored == null || stored.isBlank()) {
      return recipients;
    }
    for (String part : stored.split(",")) {
      int colon = part.indexOf(':');
      recipients.add(new EmailRecipient(part.substring(colon + 1), part.substring(0, colon)));
    }
    return recipients;
  }

  /** Refuses a list that names one address twice (it would get two digests). */
  public static List<EmailRecipient> distinct(String field, List<EmailRecipient> recipients) {
    Set<String> seen = new LinkedHashSet<>();
    for (EmailRecipient r : recipients) {
      if (!seen.add(r.address().toLowerCase(Locale.ROOT))) {
        throw new InvalidInputException(field + ": " + r.address() + " is listed twice");
      }
    }
    if (recipients.size() > 50) {
      throw new InvalidInputException(field + ": at most 50 recipients");
    }
    return List.copyOf(recipients);
  }
}
