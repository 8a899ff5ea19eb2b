package dev.zengate.management.interfaces.rest.dto;

/** {@code POST /api/session}: a user's name and password, as typed into the sign-in form. */
public record SignInInput(String username, String password) {}
