package dev.zengate.bundle;

/**
 * A node's enrollment request.
 *
 * @param token the text form of an {@link EnrollmentToken}
 * @param publicKey the node's X25519 public key (base64url SubjectPublicKeyInfo) that secrets will
 *     be sealed to; its private key never leaves the node
 * @param channelKey the node's EC P-256 public key (base64url SubjectPublicKeyInfo) for the node
 *     channel: the management server issues the node's client certificate for it; its private key
 *     never leaves the node either
 */
public record EnrollmentRequest(String token, String publicKey, String channelKey) {}
