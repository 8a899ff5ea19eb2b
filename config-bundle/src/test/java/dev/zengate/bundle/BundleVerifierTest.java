package dev.zengate.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BundleVerifierTest {

  private static final long NODE = 7;

  private final KeyPair management = generate(PublicKeys.SIGNING_ALGORITHM);
  private final KeyPair node = generate(PublicKeys.SEALING_ALGORITHM);
  private final BundleVerifier verifier = new BundleVerifier(management.getPublic(), NODE);

  @Test
  void acceptsABundleSignedByThePinnedKeyAndOpensItsSecrets() throws Exception {
    ConfigBundle bundle = bundle(NODE, 3, "key bytes");

    ConfigBundle verified = verifier.verify(sign(bundle, management).toJson(), 2);

    assertEquals(bundle, verified);
    SealedSecret key = verified.content().certificates().get("partner").key();
    byte[] opened =
        SecretSealing.open(
            key, node.getPrivate(), node.getPublic(), BundleContent.secretContext(NODE, "partner"));
    assertArrayEquals("key bytes".getBytes(StandardCharsets.UTF_8), opened);
  }

  @Test
  void refusesEachKindOfBadBundleWithItsReason() {
    String good = sign(bundle(NODE, 3, "k"), management).toJson();
    KeyPair rogue = generate(PublicKeys.SIGNING_ALGORITHM);

    assertCode("malformed", "not json");
    assertCode("unsigned", good.replaceAll("\"signature\":\"[^\"]*\"", "\"signature\":\"\""));
    assertCode("wrong-key", sign(bundle(NODE, 3, "k"), rogue).toJson());
    SignedBundle forged = sign(bundle(NODE, 3, "k"), rogue);
    assertCode(
        "bad-signature",
        new SignedBundle(
                PublicKeys.fingerprint(management.getPublic()),
                forged.payload(),
                forged.signature())
            .toJson());
    assertCode("wrong-node", sign(bundle(NODE + 1, 3, "k"), management).toJson());
    assertCode("not-newer", sign(bundle(NODE, 2, "k"), management).toJson());
    ConfigBundle lying = bundle(NODE, 3, "k");
    ConfigBundle tampered =
        new ConfigBundle(
            lying.schema(),
            lying.pairId(),
            lying.pairName(),
            lying.nodeId(),
            lying.nodeName(),
            lying.version(),
            lying.issuedAt(),
            "0".repeat(64),
            lying.content());
    assertCode("content-hash", sign(tampered, management).toJson());
  }

  @Test
  void contentHashIgnoresPerNodeSealingButNotTheConfiguration() {
    KeyPair otherNode = generate(PublicKeys.SEALING_ALGORITHM);
    BundleContent forA = content(node, NODE, "same key");
    BundleContent forB = content(otherNode, NODE + 1, "same key");
    assertEquals(forA.hash(), forB.hash());

    BundleContent changed =
        new BundleContent(
            forA.node(), forA.certificates(), Map.of("cas", List.of("other")), forA.listeners());
    assertNotEquals(forA.hash(), changed.hash());
  }

  @Test
  void aSecretSealedForOneSlotOrNodeCannotBeOpenedElsewhere() {
    SealedSecret sealed =
        SecretSealing.seal(new byte[] {1, 2, 3}, node.getPublic(), "node 7 certificate a key");
    KeyPair other = generate(PublicKeys.SEALING_ALGORITHM);

    assertThrows(
        BundleRejectedException.class,
        () ->
            SecretSealing.open(
                sealed, node.getPrivate(), node.getPublic(), "node 7 certificate b key"));
    assertThrows(
        BundleRejectedException.class,
        () ->
            SecretSealing.open(
                sealed, other.getPrivate(), other.getPublic(), "node 7 certificate a key"));
  }

  @Test
  void enrollmentTokensRoundTripAndRejectGarbage() {
    EnrollmentToken token = new EnrollmentToken(42, "A".repeat(43), "ab".repeat(32));
    assertEquals(token, EnrollmentToken.parse(token.toString()));
    assertThrows(IllegalArgumentException.class, () -> EnrollmentToken.parse("zge1.42.short.ab"));
    assertThrows(IllegalArgumentException.class, () -> EnrollmentToken.parse(null));
  }

  private void assertCode(String code, String envelope) {
    BundleRejectedException e =
        assertThrows(BundleRejectedException.class, () -> verifier.verify(envelope, 2));
    assertEquals(code, e.code(), e.getMessage());
  }

  private ConfigBundle bundle(long nodeId, long version, String key) {
    BundleContent content = content(node, nodeId, key);
    return new ConfigBundle(
        ConfigBundle.SCHEMA,
        1,
        "pair-1",
        nodeId,
        "node-" + nodeId,
        version,
        Instant.now().toString(),
        content.hash(),
        content);
  }

  private static BundleContent content(KeyPair recipient, long nodeId, String key) {
    SealedSecret sealed =
        SecretSealing.seal(
            key.getBytes(StandardCharsets.UTF_8),
            recipient.getPublic(),
            BundleContent.secretContext(nodeId, "partner"));
    return new BundleContent(
        Map.of("httpProxy", "http://127.0.0.1:3128"),
        Map.of("partner", new BundleCertificate("-----BEGIN CERTIFICATE-----", sealed)),
        Map.of("cas", List.of("-----BEGIN CERTIFICATE-----")),
        List.of(Map.of("name", "zengin", "mode", "server", "bind", "127.0.0.1:55020")));
  }

  private static SignedBundle sign(ConfigBundle bundle, KeyPair signer) {
    return SignedBundle.sign(bundle, signer.getPrivate(), signer.getPublic());
  }

  private static KeyPair generate(String algorithm) {
    try {
      return KeyPairGenerator.getInstance(algorithm).generateKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
