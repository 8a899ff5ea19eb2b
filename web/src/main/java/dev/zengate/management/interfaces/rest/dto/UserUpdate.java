package dev.zengate.management.interfaces.rest.dto;

/** Changes to a user; absent fields stay as they are. */
public record UserUpdate(String role, Boolean enabled, String password) {}
