package dev.zengate.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/** Seals secrets to a node's X25519 public key and opens them with its private key. */
public final class SecretSealing {

  private static final byte[] INFO = "zengate bundle secret v1".getBytes(StandardCharsets.UTF_8);
  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretSealing() {}

  public static SealedSecret seal(byte[] secret, PublicKey nodeKey, String context) {
    try {
      // BouncyCastle's X25519 is several times faster than the JDK's: a publication seals one
      // key per certificate per node.
      X25519PrivateKeyParameters ephemeral = new X25519PrivateKeyParameters(RANDOM);
      byte[] ephemeralSpki =
          SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(ephemeral.generatePublicKey())
              .getEncoded();
      byte[] recipientSpki = nodeKey.getEncoded();
      byte[] key = derive(ephemeral, x25519Public(recipientSpki), ephemeralSpki, recipientSpki);
      byte[] nonce = new byte[12];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      return new SealedSecret(
          Base64Text.encode(ephemeralSpki),
          Base64Text.encode(nonce),
          Base64Text.encode(cipher.doFinal(secret)));
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("X25519/AES-GCM sealing failed", e);
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
      byte[] ephemeralSpki = Base64Text.decode(sealed.ephemeralKey());
      X25519PrivateKeyParameters own =
          (X25519PrivateKeyParameters) PrivateKeyFactory.createKey(nodePrivate.getEncoded());
      byte[] key = derive(own, x25519Public(ephemeralSpki), ephemeralSpki, nodePublic.getEncoded());
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(128, Base64Text.decode(sealed.nonce())));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(Base64Text.decode(sealed.ciphertext()));
    } catch (GeneralSecurityException | IOException | RuntimeException e) {
      throw new BundleRejectedException(
          "sealed-secret", "secret " + context + " cannot be opened with this node's key");
    }
  }

  private static X25519PublicKeyParameters x25519Public(byte[] spki) throws IOException {
    AsymmetricKeyParameter key = PublicKeyFactory.createKey(spki);
    if (!(key instanceof X25519PublicKeyParameters x25519)) {
      throw new IOException("not an X25519 public key");
    }
    return x25519;
  }

  /** Both public keys go into the HKDF salt so a shared secret is bound to this exchange. */
  private static byte[] derive(
      X25519PrivateKeyParameters own,
      X25519PublicKeyParameters other,
      byte[] ephemeralSpki,
      byte[] recipientSpki) {
    X25519Agreement agreement = new X25519Agreement();
    agreement.init(own);
    byte[] shared = new byte[agreement.getAgreementSize()];
    agreement.calculateAgreement(other, shared, 0);
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(new HKDFParameters(shared, concat(ephemeralSpki, recipientSpki), INFO));
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
