package dev.zengate.gateway.config;

import java.nio.file.Path;

/**
 * A named certificate with its private key, in one of three shapes: a chain file plus a key file
 * (PEM or DER, key optionally encrypted), or a PKCS#12 file. The passphrase opens an encrypted key
 * or the PKCS#12 file; it may be given inline or read from a file.
 *
 * @param chain leaf certificate first, then intermediates (PEM, or DER for a single certificate)
 * @param intermediates optional separate file of intermediate certificates, appended to chain
 * @param key private key (PKCS#8, PKCS#1 or SEC1; PEM or DER; encrypted PEM allowed)
 * @param pkcs12 PKCS#12 keystore holding key and chain, instead of chain + key
 * @param passphrase passphrase of the key or keystore
 * @param passphraseFile file whose first line is the passphrase
 */
public record CertificateConfig(
    Path chain, Path intermediates, Path key, Path pkcs12, String passphrase, Path passphraseFile) {

  /** Resolves relative paths against the directory of the configuration file. */
  public CertificateConfig resolveAgainst(Path base) {
    return new CertificateConfig(
        resolve(base, chain),
        resolve(base, intermediates),
        resolve(base, key),
        resolve(base, pkcs12),
        passphrase,
        resolve(base, passphraseFile));
  }

  static Path resolve(Path base, Path path) {
    return path == null || base == null ? path : base.resolve(path).normalize();
  }
}
