package dev.zengate.bundle;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;

/**
 * Encoding of the two key types bundles use: Ed25519 (the management server's bundle-signing key)
 * and X25519 (a node's sealing key). Public keys travel as base64url SubjectPublicKeyInfo; a key's
 * fingerprint is the lowercase hex SHA-256 of that encoding.
 */
public final class PublicKeys {

  public static final String SIGNING_ALGORITHM = "Ed25519";
  public static final String SEALING_ALGORITHM = "X25519";

  /** The node channel's TLS client key: EC (P-256), which every TLS 1.3 stack signs with. */
  public static final String CHANNEL_ALGORITHM = "EC";

  private PublicKeys() {}

  public static String encode(PublicKey key) {
    return Base64Text.encode(key.getEncoded());
  }

  /**
   * Decodes a base64url SubjectPublicKeyInfo of {@code algorithm}.
   *
   * @throws IllegalArgumentException naming the problem when it is not such a key
   */
  public static PublicKey decode(String algorithm, String text) {
    try {
      return KeyFactory.getInstance(algorithm)
          .generatePublic(new X509EncodedKeySpec(Base64Text.decode(text)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not an " + algorithm + " public key", e);
    }
  }

  public static PrivateKey decodePrivate(String algorithm, byte[] pkcs8) {
    try {
      return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an " + algorithm + " private key", e);
    }
  }

  public static String fingerprint(PublicKey key) {
    return sha256Hex(key.getEncoded());
  }

  public static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}
