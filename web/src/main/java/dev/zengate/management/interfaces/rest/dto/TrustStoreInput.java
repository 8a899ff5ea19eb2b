package dev.zengate.management.interfaces.rest.dto;

/** A trust store as a client creates it, with its first CA certificates (PEM) if any. */
public record TrustStoreInput(String name, String description, String certificates) {}
