package dev.zengate.bundle;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/** Seals secrets to a node's X25519 public key and opens them with its private key. */
public final class SecretSealing {

  private static final byte[] INFO = "zengate bundle secret v1".getBytes(StandardCharsets.UTF_8);
  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretSealing() {}

  public static SealedSecret seal(byte[] secret, PublicKey nodeKey, String context) {
    try {
      KeyPair ephemeral =
          KeyPairGenerator.getInstance(PublicKeys.SEALING_ALGORITHM).generateKeyPair();
      byte[] key = derive(ephemeral.getPrivate(), nodeKey, ephemeral.getPublic(), nodeKey);
      byte[] nonce = new byte[12];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      return new SealedSecret(
          PublicKeys.encode(ephemeral.getPublic()),
          Base64Text.encode(nonce),
          Base64Text.encode(cipher.doFinal(secret)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("X25519/AES-GCM unavailable in this JDK", e);
    }
  }

  /**
   * Opens {@code sealed} with the node's private key.
   *
   * @throws BundleRejectedException when it was sealed to another key or for another context, or
   *     was altered
   */
  public static byte[] open(
      SealedSecret sealed, PrivateKey nodePrivate, PublicKey nodePublic, String context)
      throws BundleRejectedException {
    try {
      PublicKey ephemeral = PublicKeys.decode(PublicKeys.SEALING_ALGORITHM, sealed.ephemeralKey());
      byte[] key = derive(nodePrivate, ephemeral, ephemeral, nodePublic);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(128, Base64Text.decode(sealed.nonce())));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(Base64Text.decode(sealed.ciphertext()));
    } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
      throw new BundleRejectedException(
          "sealed-secret", "secret " + context + " cannot be opened with this node's key");
    }
  }

  /** Both public keys go into the HKDF salt so a shared secret is bound to this exchange. */
  private static byte[] derive(
      PrivateKey own, PublicKey other, PublicKey ephemeralPublic, PublicKey recipientPublic)
      throws GeneralSecurityException {
    KeyAgreement agreement = KeyAgreement.getInstance(PublicKeys.SEALING_ALGORITHM);
    agreement.init(own);
    agreement.doPhase(other, true);
    byte[] shared = agreement.generateSecret();
    byte[] salt = concat(ephemeralPublic.getEncoded(), recipientPublic.getEncoded());
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(new HKDFParameters(shared, salt, INFO));
    byte[] key = new byte[32];
    hkdf.generateBytes(key, 0, key.length);
    return key;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
