package dev.zengate.bundle;

import java.io.IOException;
import java.security.PublicKey;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * A node's gate for bundles: only what the pinned management key signed, addressed to this node,
 * newer than what it runs, and internally consistent gets through. Every refusal says why.
 */
public final class BundleVerifier {

  private final AsymmetricKeyParameter pinnedParameters;
  private final String pinnedKeyId;
  private final long nodeId;

  public BundleVerifier(PublicKey pinnedKey, long nodeId) {
    try {
      this.pinnedParameters = PublicKeyFactory.createKey(pinnedKey.getEncoded());
    } catch (IOException e) {
      throw new IllegalArgumentException("not an Ed25519 public key", e);
    }
    this.pinnedKeyId = PublicKeys.fingerprint(pinnedKey);
    this.nodeId = nodeId;
  }

  /**
   * Verifies {@code envelopeJson}.
   *
   * @param runningVersion the version this node runs (0 for none)
   * @throws BundleRejectedException naming the reason: malformed, unsigned, wrong-key,
   *     bad-signature, schema, wrong-node, not-newer, content-hash
   */
  public ConfigBundle verify(String envelopeJson, long runningVersion)
      throws BundleRejectedException {
    SignedBundle envelope = BundleJson.read(envelopeJson, SignedBundle.class);
    if (envelope.signature() == null || envelope.signature().isBlank()) {
      throw new BundleRejectedException("unsigned", "bundle carries no signature");
    }
    if (!pinnedKeyId.equals(envelope.keyId())) {
      throw new BundleRejectedException(
          "wrong-key",
          "bundle is signed by key "
              + envelope.keyId()
              + ", not by the pinned management key "
              + pinnedKeyId);
    }
    byte[] payload;
    try {
      payload = Base64Text.decode(envelope.payload());
      Ed25519Signer verifier = new Ed25519Signer();
      verifier.init(false, pinnedParameters);
      verifier.update(payload, 0, payload.length);
      if (!verifier.verifySignature(Base64Text.decode(envelope.signature()))) {
        throw new BundleRejectedException(
            "bad-signature", "bundle signature does not verify with the pinned management key");
      }
    } catch (IllegalArgumentException e) {
      throw new BundleRejectedException(
          "bad-signature", "bundle signature does not verify with the pinned management key");
    }
    ConfigBundle bundle = BundleJson.read(payload, ConfigBundle.class);
    if (bundle.schema() != ConfigBundle.SCHEMA) {
      throw new BundleRejectedException(
          "schema", "bundle schema " + bundle.schema() + " is not " + ConfigBundle.SCHEMA);
    }
    if (bundle.nodeId() != nodeId) {
      throw new BundleRejectedException(
          "wrong-node",
          "bundle is addressed to node " + bundle.nodeId() + ", this node is " + nodeId);
    }
    if (bundle.version() <= runningVersion) {
      throw new BundleRejectedException(
          "not-newer",
          "bundle version "
              + bundle.version()
              + " is not newer than the running version "
              + runningVersion);
    }
    if (bundle.content() == null || !bundle.content().hash().equals(bundle.contentHash())) {
      throw new BundleRejectedException(
          "content-hash", "bundle content does not match its content hash");
    }
    return bundle;
  }
}
