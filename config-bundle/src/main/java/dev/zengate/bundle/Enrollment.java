package dev.zengate.bundle;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.List;

/**
 * The management server's answer to a successful enrollment: who the node is, the key its bundles
 * are signed with, and how to reach the management cluster over the node channel.
 *
 * @param signingKey base64url Ed25519 SubjectPublicKeyInfo; its fingerprint must equal the token's
 * @param channelCa PEM certificate of the cluster's node-channel CA: the only issuer the node
 *     accepts for a member's channel certificate
 * @param channelCertificate PEM client certificate the CA issued for the node's channel key
 * @param channelEndpoints the members' channel addresses ({@code host:port}); the node cycles
 *     through them
 * @param channelSignature base64url Ed25519 signature by the signing key over the node id, the CA,
 *     the certificate and the endpoints ({@link #channelTerms}): the answer may come over plain
 *     HTTP, and the token pins only the signing key, so the CA is pinned through this signature
 */
public record Enrollment(
    long pairId,
    String pairName,
    long nodeId,
    String nodeName,
    String signingKey,
    String channelCa,
    String channelCertificate,
    List<String> channelEndpoints,
    String channelSignature) {

  /** The bytes {@link #channelSignature} covers. */
  public static byte[] channelTerms(
      long nodeId, String channelCa, String channelCertificate, List<String> endpoints) {
    return String.join(
            "\n",
            "zengate-node-channel-v1",
            Long.toString(nodeId),
            channelCa,
            channelCertificate,
            String.join(",", endpoints))
        .getBytes(StandardCharsets.UTF_8);
  }

  public static String signChannel(
      PrivateKey signingKey,
      long nodeId,
      String channelCa,
      String channelCertificate,
      List<String> endpoints) {
    try {
      Signature signer = Signature.getInstance(PublicKeys.SIGNING_ALGORITHM);
      signer.initSign(signingKey);
      signer.update(channelTerms(nodeId, channelCa, channelCertificate, endpoints));
      return Base64Text.encode(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  /** Whether the channel terms carry a valid signature of {@code signingKey}. */
  public boolean channelSignedBy(PublicKey signingKey) {
    if (channelSignature == null || channelCa == null || channelCertificate == null) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance(PublicKeys.SIGNING_ALGORITHM);
      verifier.initVerify(signingKey);
      verifier.update(
          channelTerms(
              nodeId,
              channelCa,
              channelCertificate,
              channelEndpoints == null ? List.of() : channelEndpoints));
      return verifier.verify(Base64Text.decode(channelSignature));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }
}
