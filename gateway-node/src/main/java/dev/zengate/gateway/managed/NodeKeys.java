package dev.zengate.gateway.managed;

import dev.zengate.bundle.BundleRejectedException;
import dev.zengate.bundle.PublicKeys;
import dev.zengate.bundle.SecretSealing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;

/**
 * The node's X25519 key pair that the management server seals secrets to. The private key is
 * generated here and stored only in the state directory (PKCS#8 PEM, 0600).
 */
public record NodeKeys(PrivateKey privateKey, PublicKey publicKey) {

  private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String END = "-----END PRIVATE KEY-----";

  public static NodeKeys generate() {
    try {
      var pair = KeyPairGenerator.getInstance(PublicKeys.SEALING_ALGORITHM).generateKeyPair();
      return new NodeKeys(pair.getPrivate(), pair.getPublic());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no X25519", e);
    }
  }

  /** The public key as sent to the server: base64url SubjectPublicKeyInfo. */
  public String publicKeyText() {
    return PublicKeys.encode(publicKey);
  }

  /** Seals a probe to the public key and opens it with the private one. */
  private void requireMatching() {
    try {
      byte[] probe = {42};
      SecretSealing.open(
          SecretSealing.seal(probe, publicKey, "key check"), privateKey, publicKey, "key check");
    } catch (BundleRejectedException e) {
      throw new IllegalArgumentException("node.key and node.pub are not one key pair");
    }
  }

  /** Writes node.key (0600) and node.pub. */
  public void store(StateDir state) throws IOException {
    String pem =
        BEGIN
            + "\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(privateKey.getEncoded())
            + "\n"
            + END
            + "\n";
    StateDir.writeAtomically(state.nodeKey(), pem);
    StateDir.writeAtomically(state.nodePublicKey(), publicKeyText() + "\n");
  }

  /**
   * Reads the key pair of an enrolled node.
   *
   * @throws IOException when the files are missing or do not hold X25519 keys
   */
  public static NodeKeys load(StateDir state) throws IOException {
    String pem = Files.readString(state.nodeKey(), StandardCharsets.US_ASCII);
    int begin = pem.indexOf(BEGIN);
    int end = pem.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IOException(state.nodeKey() + ": not a PKCS#8 PEM private key");
    }
    try {
      byte[] der =
          Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end).strip());
      PrivateKey privateKey = PublicKeys.decodePrivate(PublicKeys.SEALING_ALGORITHM, der);
      PublicKey publicKey =
          PublicKeys.decode(
              PublicKeys.SEALING_ALGORITHM,
              Files.readString(state.nodePublicKey(), StandardCharsets.US_ASCII).strip());
      NodeKeys keys = new NodeKeys(privateKey, publicKey);
      keys.requireMatching();
      return keys;
    } catch (IllegalArgumentException e) {
      throw new IOException(state.path() + ": unusable node key: " + e.getMessage(), e);
    }
  }
}
