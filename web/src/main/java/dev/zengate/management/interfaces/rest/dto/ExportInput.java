package dev.zengate.management.interfaces.rest.dto;

/** The passphrase that protects an exported PKCS#12 file. */
public record ExportInput(String passphrase) {}
