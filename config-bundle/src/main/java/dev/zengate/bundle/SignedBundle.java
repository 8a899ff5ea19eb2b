package dev.zengate.bundle;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;

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
      Signature signer = Signature.getInstance(PublicKeys.SIGNING_ALGORITHM);
      signer.initSign(signingKey);
      signer.update(payload);
      return new SignedBundle(
          PublicKeys.fingerprint(publicKey),
          Base64Text.encode(payload),
          Base64Text.encode(signer.sign()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  public String toJson() {
    return BundleJson.canonicalText(this);
  }
}
