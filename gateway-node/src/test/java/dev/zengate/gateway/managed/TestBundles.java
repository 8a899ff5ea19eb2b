package dev.zengate.gateway.managed;

import dev.zengate.bundle.BundleCertificate;
import dev.zengate.bundle.BundleContent;
import dev.zengate.bundle.BundleJson;
import dev.zengate.bundle.ConfigBundle;
import dev.zengate.bundle.Enrollment;
import dev.zengate.bundle.PublicKeys;
import dev.zengate.bundle.SecretSealing;
import dev.zengate.bundle.SignedBundle;
import dev.zengate.gateway.testsupport.TestPki;
import dev.zengate.gateway.testsupport.TestPki.Issued;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plays the management server: an enrolled state directory and bundles signed for it. */
final class TestBundles {

  final KeyPair management = generate(PublicKeys.SIGNING_ALGORITHM);
  final long nodeId;
  final NodeKeys nodeKeys = NodeKeys.generate();

  TestBundles(long nodeId) {
    this.nodeId = nodeId;
  }

  /** Writes what {@code enroll} would have: node keys, channel key and enrollment.json. */
  Path enroll(Path dir, ChannelStandIn member) throws Exception {
    StateDir state = StateDir.open(dir);
    nodeKeys.store(state);
    TestPki.Issued certificate = member.issueNodeCertificate("node-" + nodeId);
    new ChannelKey(certificate.key(), certificate.cert().getPublicKey()).store(state);
    String caPem = TestPki.pem(List.of(member.ca.cert()));
    String certificatePem = TestPki.pem(List.of(certificate.cert()));
    List<String> endpoints = List.of(member.endpoint());
    Enrollment enrollment =
        new Enrollment(
            1,
            "pair-1",
            nodeId,
            "node-" + nodeId,
            PublicKeys.encode(management.getPublic()),
            caPem,
            certificatePem,
            endpoints,
            Enrollment.signChannel(
                management.getPrivate(), nodeId, caPem, certificatePem, endpoints));
    StateDir.writeAtomically(state.enrollment(), BundleJson.canonicalText(enrollment));
    return state.path();
  }

  /** One server listener {@code inbound} on {@code port} with certificate {@code server}. */
  static List<Map<String, Object>> serverListener(int port, int target) {
    return List.of(
        Map.of(
            "name",
            "inbound",
            "mode",
            "server",
            "bind",
            "127.0.0.1:" + port,
            "target",
            "127.0.0.1:" + target,
            "downstreamTls",
            Map.of("certificate", "server")));
  }

  ConfigBundle bundle(
      long forNode,
      long version,
      Map<String, Issued> certificates,
      Map<String, Issued> trust,
      List<Map<String, Object>> listeners,
      PublicKey sealTo)
      throws Exception {
    Map<String, BundleCertificate> certs = new LinkedHashMap<>();
    for (var entry : certificates.entrySet()) {
      Issued issued = entry.getValue();
      certs.put(
          entry.getKey(),
          new BundleCertificate(
              TestPki.pem(issued.chain()),
              SecretSealing.seal(
                  issued.key().getEncoded(),
                  sealTo,
                  BundleContent.secretContext(forNode, entry.getKey()))));
    }
    Map<String, List<String>> trustSets = new LinkedHashMap<>();
    for (var entry : trust.entrySet()) {
      trustSets.put(entry.getKey(), List.of(TestPki.pem(List.of(entry.getValue().cert()))));
    }
    BundleContent content =
        new BundleContent(Map.of("drainTimeout", "1s"), certs, trustSets, listeners);
    return new ConfigBundle(
        ConfigBundle.SCHEMA,
        1,
        "pair-1",
        forNode,
        "node-" + forNode,
        version,
        Instant.now().toString(),
        content.hash(),
        content);
  }

  /** A correctly signed bundle for this node serving {@code server} on {@code port}. */
  String signed(long version, Issued server, Issued root, int port, int target) throws Exception {
    return sign(
        bundle(
            nodeId,
            version,
            Map.of("server", server),
            Map.of("partners", root),
            serverListener(port, target),
            nodeKeys.publicKey()),
        management);
  }

  static String sign(ConfigBundle bundle, KeyPair signer) {
    return SignedBundle.sign(bundle, signer.getPrivate(), signer.getPublic()).toJson();
  }

  static KeyPair generate(String algorithm) {
    try {
      return KeyPairGenerator.getInstance(algorithm).generateKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
