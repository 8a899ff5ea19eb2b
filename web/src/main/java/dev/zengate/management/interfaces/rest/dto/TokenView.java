package dev.zengate.management.interfaces.rest.dto;

/** A newly issued token: shown this once, stored only as a hash. */
public record TokenView(String name, String token) {}
