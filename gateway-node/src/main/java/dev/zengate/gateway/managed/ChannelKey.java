package dev.zengate.gateway.managed;

import dev.zengate.bundle.PublicKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * The node's EC P-256 key for the node channel: the management server issues the node's TLS client
 * certificate for its public key at enrollment, so holding this key is the node's identity on the
 * channel. Made on the node, stored only in the state directory (channel.key, PKCS#8 PEM, 0600). A
 * key of its own rather than the X25519 sealing key: X25519 cannot sign a TLS handshake.
 */
public record ChannelKey(PrivateKey privateKey, PublicKey publicKey) {

  private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String END = "-----END PRIVATE KEY-----";

  public static ChannelKey generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(PublicKeys.CHANNEL_ALGORITHM);
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair pair = generator.generateKeyPair();
      return new ChannelKey(pair.getPrivate(), pair.getPublic());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no P-256", e);
    }
  }

  public String publicKeyText() {
    return PublicKeys.encode(publicKey);
  }

  public void store(StateDir state) throws IOException {
    String pem =
        BEGIN
            + "\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(privateKey.getEncoded())
            + "\n"
            + END
            + "\n";
    StateDir.writeAtomically(state.channelKey(), pem);
  }

  /**
   * Reads the private key (the public key comes with the certificate).
   *
   * @throws IOException when the file is missing or holds no EC private key
   */
  public static PrivateKey load(StateDir state) throws IOException {
    String pem = Files.readString(state.channelKey(), StandardCharsets.US_ASCII);
    int begin = pem.indexOf(BEGIN);
    int end = pem.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IOException(state.channelKey() + ": not a PKCS#8 PEM private key");
    }
    try {
      return PublicKeys.decodePrivate(
          PublicKeys.CHANNEL_ALGORITHM,
          Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end).strip()));
    } catch (IllegalArgumentException e) {
      throw new IOException(state.channelKey() + ": " + e.getMessage(), e);
    }
  }
}
