package dev.zengate.management.application;

import dev.zengate.management.domain.certificate.ManagedCertificate;
import java.util.List;

/** The stored leaf certificate, its chain as stored (leaf first), and what deserves attention. */
public record ImportedCertificate(
    ManagedCertificate certificate,
    List<ManagedCertificate> chain,
    boolean hasPrivateKey,
    List<String> warnings) {}
