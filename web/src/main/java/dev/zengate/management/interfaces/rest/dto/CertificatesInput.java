package dev.zengate.management.interfaces.rest.dto;

/** Certificates as PEM text (or one as base64 DER). */
public record CertificatesInput(String certificates) {}
