package dev.zengate.management.interfaces.rest.dto;

/**
 * Who the console's user is, and the CSRF token the console sends with every change ({@code null}
 * when the caller did not authenticate with a session cookie).
 */
public record SessionView(
    String username, String role, String csrfToken, long idleTimeoutMinutes) {}
