package dev.zengate.management.domain.notification;

/**
 * How the SMTP connection is protected: STARTTLS (required: a server that does not offer it is an
 * error, never a plaintext fallback) or SMTPS (TLS from the first byte, usually port 465).
 */
public enum SmtpSecurity {
  STARTTLS,
  SMTPS
}
