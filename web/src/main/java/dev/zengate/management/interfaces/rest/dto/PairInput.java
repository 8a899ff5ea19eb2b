package dev.zengate.management.interfaces.rest.dto;

/** A pair as a client creates or changes it. */
public record PairInput(String name, String site, String description) {}
