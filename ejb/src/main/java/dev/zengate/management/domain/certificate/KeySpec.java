package dev.zengate.management.domain.certificate;

import dev.zengate.management.domain.shared.InvalidInputException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Locale;

/**
 * The key types Zengate uses for its own keys: RSA 2048/3072/4096 and ECDSA P-256/P-384, as the
 * gateways and partners' TLS stacks accept them (the manual lists RSA 1024 too; that is only
 * accepted for partners' and CAs' certificates, never generated or used for our keys).
 */
public enum KeySpec {
  RSA_2048("RSA", 2048),
  RSA_3072("RSA", 3072),
  RSA_4096("RSA", 4096),
  EC_P256("EC", 256),
  EC_P384("EC", 384);

  private final String algorithm;
  private final int size;

  KeySpec(String algorithm, int size) {
    this.algorithm = algorithm;
    this.size = size;
  }

  public String algorithm() {
    return algorithm;
  }

  public int size() {
    return size;
  }

  /** Parses names like {@code RSA-2048} or {@code EC-P256} (case-insensitive). */
  public static KeySpec parse(String name) {
    String normalised = name == null ? "" : name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (KeySpec spec : values()) {
      if (spec.name().equals(normalised)) {
        return spec;
      }
    }
    throw new InvalidInputException(
        "unsupported key type '"
            + name
            + "': use one of "
            + Arrays.stream(values()).map(KeySpec::label).toList());
  }

  public String label() {
    return name().replace('_', '-');
  }

  /** The spec of a key we hold a private key for; anything else is refused. */
  public static KeySpec of(PublicKey key) {
    String algorithm = algorithmOf(key);
    int size = sizeOf(key);
    for (KeySpec spec : values()) {
      if (spec.algorithm.equals(algorithm) && spec.size == size) {
        return spec;
      }
    }
    throw new InvalidInputException(
        "unsupported key type "
            + algorithm
            + " "
            + size
            + " bits: Zengate keys are RSA 2048/3072/4096 or ECDSA P-256/P-384");
  }

  /** Refuses private keys of other algorithms than RSA and ECDSA (e.g. Ed25519, DSA). */
  public static void requireSupported(PrivateKey key) {
    if (!(key instanceof RSAPrivateKey || key instanceof ECPrivateKey)) {
      throw new InvalidInputException(
          "unsupported key type " + key.getAlgorithm() + ": only RSA and ECDSA keys are supported");
    }
  }

  /** {@code RSA} or {@code EC}; other algorithms are refused. */
  public static String algorithmOf(PublicKey key) {
    if (key instanceof RSAPublicKey) {
      return "RSA";
    }
    if (key instanceof ECPublicKey) {
      return "EC";
    }
    throw new InvalidInputException(
        "unsupported key type " + key.getAlgorithm() + ": only RSA and ECDSA keys are supported");
  }

  public static int sizeOf(PublicKey key) {
    if (key instanceof RSAPublicKey rsa) {
      return rsa.getModulus().bitLength();
    }
    if (key instanceof ECPublicKey ec) {
      return ec.getParams().getOrder().bitLength();
    }
    return 0;
  }
}
