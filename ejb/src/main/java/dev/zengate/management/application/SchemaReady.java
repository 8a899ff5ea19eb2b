package dev.zengate.management.application;

/** Fired once the database schema is up to date, so start-up work that needs it can run. */
public record SchemaReady(String schemaVersion) {}
