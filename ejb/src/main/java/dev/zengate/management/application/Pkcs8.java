package dev.zengate.management.application;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;

/** Turns an unsealed PKCS#8 encoding back into a private key. */
final class Pkcs8 {

  private Pkcs8() {}

  static PrivateKey decode(byte[] pkcs8, String algorithm) {
    try {
      return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("a stored " + algorithm + " key cannot be decoded", e);
    } finally {
      Arrays.fill(pkcs8, (byte) 0);
    }
  }
}
