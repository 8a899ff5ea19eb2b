package dev.zengate.management.infrastructure.crypto;

import dev.zengate.management.domain.audit.AuditCheckpoint;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Signs audit checkpoints with an Ed25519 key derived from the master key (HMAC-SHA256 of a fixed
 * label): like the master key it never enters the database, every member of a cluster has it
 * without a new secret to distribute, and the public key (in every checkpoint line) is all a
 * verifier needs.
 */
public final class CheckpointSignatures {

  private static final byte[] LABEL =
      "zengate audit checkpoint signing key v1".getBytes(StandardCharsets.US_ASCII);
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private CheckpointSignatures() {}

  /** The signing key that belongs to {@code masterKey}. */
  public static Ed25519PrivateKeyParameters keyFor(SecretKey masterKey) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(masterKey.getEncoded(), "HmacSHA256"));
      return new Ed25519PrivateKeyParameters(mac.doFinal(LABEL), 0);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  public static String publicKeyOf(Ed25519PrivateKeyParameters key) {
    return B64.encodeToString(key.generatePublicKey().getEncoded());
  }

  public static AuditCheckpoint sign(
      long sequence, String headHash, Instant at, Ed25519PrivateKeyParameters key) {
    AuditCheckpoint unsigned = new AuditCheckpoint(sequence, headHash, at, publicKeyOf(key), "");
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, key);
    byte[] text = unsigned.signedText().getBytes(StandardCharsets.UTF_8);
    signer.update(text, 0, text.length);
    return new AuditCheckpoint(
        sequence,
        headHash,
        at,
        unsigned.publicKey(),
        B64.encodeToString(signer.generateSignature()));
  }

  /** Whether the checkpoint's signature is valid for the public key it names. */
  public static boolean valid(AuditCheckpoint checkpoint) {
    try {
      Ed25519Signer verifier = new Ed25519Signer();
      verifier.init(
          false,
          new Ed25519PublicKeyParameters(Base64.getUrlDecoder().decode(checkpoint.publicKey()), 0));
      byte[] text = checkpoint.signedText().getBytes(StandardCharsets.UTF_8);
      verifier.update(text, 0, text.length);
      return verifier.verifySignature(Base64.getUrlDecoder().decode(checkpoint.signature()));
    } catch (RuntimeException malformed) {
      return false;
    }
  }
}
