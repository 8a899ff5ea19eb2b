package dev.zengate.management.domain.notification;

import dev.zengate.management.domain.shared.InvalidInputException;
import java.util.regex.Pattern;

/**
 * The SMTP server every expiry digest goes through (one relay per installation): its name is
 * verified against its certificate, which must chain to {@code caPem} (or the JVM's CAs).
 */
public record SmtpServer(
    String host,
    int port,
    SmtpSecurity security,
    String username,
    Long passwordSecretId,
    String from,
    String caPem) {

  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:-]{1,255}");

  /** Checks the fields as the API receives them (field names as in the API). */
  public static SmtpServer of(
      String host,
      Integer port,
      SmtpSecurity security,
      String username,
      Long passwordSecretId,
      String from,
      String caPem) {
    if (host == null || !HOST.matcher(host.trim()).matches()) {
      throw new InvalidInputException(
          "smtpHost: '" + (host == null ? "" : host) + "' is not a host name or address");
    }
    SmtpSecurity mode = security == null ? SmtpSecurity.STARTTLS : security;
    int p = port == null ? (mode == SmtpSecurity.SMTPS ? 465 : 587) : port;
    if (p < 1 || p > 65535) {
      throw new InvalidInputException("smtpPort: " + p + " is out of range 1-65535");
    }
    if (from == null || from.isBlank()) {
      throw new InvalidInputException("smtpFrom: the sender address is required with smtpHost");
    }
    String sender = EmailRecipient.of("smtpFrom", from, "ja").address();
    String user = username == null || username.isBlank() ? null : username.trim();
    if (user != null && (user.length() > 320 || user.matches(".*[\\r\\n].*"))) {
      throw new InvalidInputException("smtpUsername: not a user name");
    }
    return new SmtpServer(host.trim(), p, mode, user, passwordSecretId, sender, caPem);
  }
}
