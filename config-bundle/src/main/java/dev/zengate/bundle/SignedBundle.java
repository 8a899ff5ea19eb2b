package dev.zengate.bundle;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;

/**
 * What travels through the grid: the canonical bundle bytes and an Ed25519 signature over exactly
 * those bytes.
 *
 * @param keyId fingerprint of the signing public key ({@link PublicKeys#fingerprint})
 * @param payload base64url canonical JSON of a {@link ConfigBundle}
 * @param signature base64url Ed25519 signature of the payload bytes
 */
public record SignedBundle(String keyId, String payload, String signature) {

  public static SignedBundle sign(ConfigBundle bundle, PrivateKey signingKey, PublicKey publicKey) {
    byte[] payload = BundleJson.canonical(bundle);
    try {
      // BouncyCastle's Ed25519 signs about ten times faster than the JDK's.
      Ed25519Signer signer = new Ed25519Signer();
      signer.init(true, PrivateKeyFactory.createKey(signingKey.getEncoded()));
      signer.update(payload, 0, payload.length);
      return new SignedBundle(
          PublicKeys.fingerprint(publicKey),
          Base64Text.encode(payload),
          Base64Text.encode(signer.generateSignature()));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  public String toJson() {
    return BundleJson.canonicalText(this);
  }
}
