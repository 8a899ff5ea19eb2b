package dev.zengate.management.interfaces.rest.dto;

import java.util.List;

/** A request for a new key pair and CSR: key type (e.g. EC-P256, RSA-2048), subject and SANs. */
public record CsrInput(String keyType, String subject, List<String> subjectAltNames) {}
