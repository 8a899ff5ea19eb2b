package dev.zengate.management.domain.certificate;

/**
 * A secret sealed by envelope encryption: {@code ciphertext} under a data key of its own, the data
 * key wrapped by the master key {@code masterKeyId}. Both byte arrays carry their nonce.
 */
public record SealedSecret(String masterKeyId, byte[] wrappedDataKey, byte[] ciphertext) {}
