package dev.zengate.management.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** Writes a key and its chain as a PKCS#12 file (the JDK's default PBES2/AES-256 protection). */
final class Pkcs12 {

  private Pkcs12() {}

  static byte[] write(PrivateKey key, List<X509Certificate> chain, char[] passphrase) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("zengate", key, passphrase, chain.toArray(X509Certificate[]::new));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      store.store(out, passphrase);
      return out.toByteArray();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("writing PKCS#12 failed", e);
    }
  }
}
