package dev.zengate.management.interfaces.rest.dto;

/** A user as an admin creates it (role: admin, operator or auditor). */
public record UserInput(String username, String password, String role) {}
