package dev.zengate.management.infrastructure.notify;

/**
 * One plain-text mail: UTF-8 subject and body, and a {@code Message-ID} fixed by the caller, so a
 * message sent again after a crash can be recognised by the receiving system.
 */
public record MailMessage(String to, String subject, String body, String messageId) {}
