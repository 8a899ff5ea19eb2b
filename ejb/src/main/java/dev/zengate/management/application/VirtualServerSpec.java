package dev.zengate.management.application;

import dev.zengate.management.domain.listener.ClientAuth;
import dev.zengate.management.domain.listener.NoAiaPolicy;
import dev.zengate.management.domain.listener.RevocationCheck;
import java.util.List;

/** A virtual server as a client creates or changes it (pair and name are fixed once created). */
public record VirtualServerSpec(
    Long pairId,
    String name,
    String bindAddress,
    Integer bindPort,
    String targetAddress,
    Integer targetPort,
    Long certificateId,
    ClientAuth clientAuth,
    Long clientTrustStoreId,
    List<String> protocols,
    List<String> cipherSuites,
    RevocationCheck revocation,
    NoAiaPolicy noAiaPolicy,
    Boolean ocspStapling) {}
