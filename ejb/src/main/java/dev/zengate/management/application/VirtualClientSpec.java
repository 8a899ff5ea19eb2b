package dev.zengate.management.application;

import dev.zengate.management.domain.listener.NoAiaPolicy;
import dev.zengate.management.domain.listener.RevocationCheck;
import java.util.List;

/**
 * A virtual client as a client creates or changes it (pair and name are fixed once created). The
 * client certificate is the first matching rule's, else {@code clientCertificateId}, else none.
 */
public record VirtualClientSpec(
    Long pairId,
    String name,
    String listenAddress,
    Integer listenPort,
    String targetHost,
    Integer targetPort,
    Long trustStoreId,
    String verifyName,
    Long clientCertificateId,
    String sourceAddress,
    List<ClientCertificateRuleSpec> clientCertificateRules,
    List<String> protocols,
    List<String> cipherSuites,
    RevocationCheck revocation,
    NoAiaPolicy noAiaPolicy) {}
