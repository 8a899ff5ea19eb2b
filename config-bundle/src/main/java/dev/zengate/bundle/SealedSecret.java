package dev.zengate.bundle;

/**
 * A secret (a private key, a passphrase) readable only by the node holding the X25519 private key
 * it was sealed to: ephemeral X25519 agreement, HKDF-SHA256, AES-256-GCM; the context (node and
 * secret name) is bound as associated data, so a sealed value cannot be moved to another slot.
 *
 * @param ephemeralKey base64url SubjectPublicKeyInfo of the sender's one-time X25519 key
 * @param nonce base64url 96-bit GCM nonce
 * @param ciphertext base64url ciphertext with the GCM tag
 */
public record SealedSecret(String ephemeralKey, String nonce, String ciphertext) {}
