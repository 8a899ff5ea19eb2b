package dev.zengate.management.application;

/**
 * Certificate material as an operator uploads it. Either {@code certificates} (PEM, one or more
 * blocks, or base64 DER) with an optional {@code privateKey} (PEM, encrypted or not), or a {@code
 * pkcs12} file (base64); {@code passphrase} opens an encrypted key or the PKCS#12 file. {@code
 * trustStoreId}, when given, names the anchors the chain must lead to.
 */
public record CertificateUpload(
    String certificates, String privateKey, String pkcs12, String passphrase, Long trustStoreId) {}
