package dev.zengate.management.infrastructure.crypto;

import dev.zengate.management.domain.certificate.SealedSecret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption: each secret gets a fresh AES-256 data key; the secret is encrypted with it
 * (AES-256-GCM, bound to a context such as the key's public-key hash), and the data key is wrapped
 * with the current master key (AES-256-GCM, bound to the master key's id). Rotating the master key
 * only re-wraps data keys.
 */
@ApplicationScoped
public class EnvelopeSealer {

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecureRandom random = new SecureRandom();

  @Inject private MasterKeyring keyring;

  public SealedSecret seal(byte[] plaintext, String context) {
    Map.Entry<String, SecretKey> master = keyring.current();
    byte[] dataKey = new byte[32];
    random.nextBytes(dataKey);
    try {
      byte[] ciphertext = encrypt(new SecretKeySpec(dataKey, "AES"), plaintext, context);
      byte[] wrapped = encrypt(master.getValue(), dataKey, master.getKey());
      return new SealedSecret(master.getKey(), wrapped, ciphertext);
    } finally {
      Arrays.fill(dataKey, (byte) 0);
    }
  }

  public byte[] open(SealedSecret sealed, String context) {
    byte[] dataKey =
        decrypt(keyring.byId(sealed.masterKeyId()), sealed.wrappedDataKey(), sealed.masterKeyId());
    try {
      return decrypt(new SecretKeySpec(dataKey, "AES"), sealed.ciphertext(), context);
    } finally {
      Arrays.fill(dataKey, (byte) 0);
    }
  }

  /** The same secret with its data key wrapped by the current master key. */
  public SealedSecret rewrap(SealedSecret sealed) {
    Map.Entry<String, SecretKey> master = keyring.current();
    byte[] dataKey =
        decrypt(keyring.byId(sealed.masterKeyId()), sealed.wrappedDataKey(), sealed.masterKeyId());
    try {
      return new SealedSecret(
          master.getKey(),
          encrypt(master.getValue(), dataKey, master.getKey()),
          sealed.ciphertext());
    } finally {
      Arrays.fill(dataKey, (byte) 0);
    }
  }

  private byte[] encrypt(SecretKey key, byte[] plaintext, String context) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext);
      return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
    }
  }

  private static byte[] decrypt(SecretKey key, byte[] nonceAndCiphertext, String context) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          key,
          new GCMParameterSpec(TAG_BITS, nonceAndCiphertext, 0, NONCE_BYTES));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(
          nonceAndCiphertext, NONCE_BYTES, nonceAndCiphertext.length - NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "a sealed secret does not open: it was altered or belongs to another row", e);
    }
  }
}
