package dev.zengate.gateway.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.List;

/** A private key with its certificate chain, leaf first. */
public record CertifiedKey(List<X509Certificate> chain, PrivateKey key) {

  public CertifiedKey {
    chain = List.copyOf(chain);
  }

  public X509Certificate leaf() {
    return chain.get(0);
  }

  /** {@code RSA} or {@code EC}: decides which TLS 1.2 suites can authenticate with this key. */
  public String keyAlgorithm() {
    return key.getAlgorithm().equals("ECDSA") ? "EC" : key.getAlgorithm();
  }

  /** Human description such as {@code EC P-256} or {@code RSA 2048}. */
  public String describeKey() {
    if (key instanceof RSAKey rsa) {
      return "RSA " + rsa.getModulus().bitLength();
    }
    if (key instanceof ECKey ec) {
      return "EC " + ec.getParams().getCurve().getField().getFieldSize() + "-bit";
    }
    return key.getAlgorithm();
  }
}
