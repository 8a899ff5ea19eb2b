package dev.zengate.management.application;

/** One rule of a virtual client's certificate table: destination, source ('any', IP or CIDR). */
public record ClientCertificateRuleSpec(String destination, String source, Long certificateId) {}
