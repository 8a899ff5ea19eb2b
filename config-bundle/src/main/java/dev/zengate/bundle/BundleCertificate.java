package dev.zengate.bundle;

/**
 * A certificate a node presents.
 *
 * @param chainPem leaf first, then intermediates
 * @param key the PKCS#8 private key sealed to the node ({@link BundleContent#secretContext})
 */
public record BundleCertificate(String chainPem, SealedSecret key) {}
