package dev.zengate.management.domain.certificate;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** A private key with the certificate chain it belongs to (leaf first). */
public record KeyAndChain(PrivateKey key, List<X509Certificate> chain) {

  public KeyAndChain {
    chain = List.copyOf(chain);
  }
}
