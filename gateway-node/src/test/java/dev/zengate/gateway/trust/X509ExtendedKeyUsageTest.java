package dev.zengate.gateway.trust;

import static dev.zengate.gateway.trust.Pki.spec;
import static dev.zengate.gateway.trust.StrictCases.assertAccepted;
import static dev.zengate.gateway.trust.StrictCases.assertRejectedBy;
import static dev.zengate.gateway.trust.StrictCases.assertRelaxedBy;

import dev.zengate.gateway.trust.Pki.Cert;
import dev.zengate.gateway.trust.profile.Relaxation;
import java.nio.file.Path;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extended key usage per purpose (CA/B BR 7.1.2.7.6, 7.1.2.7.10, 7.1.2.1.2; RFC 5280). */
class X509ExtendedKeyUsageTest {

  @TempDir static Path dir;
  static Pki pki;
  static Cert root;

  @BeforeAll
  static void pki() throws Exception {
    pki = new Pki(dir);
    root = pki.root("EKU Root");
  }

  @Test
  void serverLeafWithoutExtendedKeyUsageIsRejected() throws Exception {
    Cert leaf = pki.issue(spec("no-eku.example").issuer(root).dns("no-eku.example").withoutEku());
    assertRelaxedBy(Relaxation.LEAF_WITHOUT_EKU, "leaf-eku-present", Purpose.SERVER, root, leaf);
  }

  @Test
  void clientLeafWithoutExtendedKeyUsageIsAccepted() throws Exception {
    assertAccepted(
        Purpose.CLIENT, root, pki.issue(spec("no-eku-client").issuer(root).withoutEku()));
  }

  @Test
  void serverLeafWithAnyExtendedKeyUsageIsRejected() throws Exception {
    Cert leaf =
        pki.issue(
            spec("any-eku.example")
                .issuer(root)
                .dns("any-eku.example")
                .eku(KeyPurposeId.id_kp_serverAuth, KeyPurposeId.anyExtendedKeyUsage));
    assertRejectedBy("leaf-no-any-eku", Purpose.SERVER, root, leaf);
  }

  @Test
  void clientLeafWithAnyExtendedKeyUsageIsAccepted() throws Exception {
    assertAccepted(
        Purpose.CLIENT,
        root,
        pki.issue(spec("any-eku-client").issuer(root).eku(KeyPurposeId.anyExtendedKeyUsage)));
  }

  @Test
  void serverLeafWithCriticalExtendedKeyUsageIsRejected() throws Exception {
    Cert leaf =
        pki.issue(
            spec("critical-eku.example")
                .issuer(root)
                .dns("critical-eku.example")
                .eku(KeyPurposeId.id_kp_serverAuth)
                .criticalEku());
    assertRejectedBy("leaf-eku-non-critical", Purpose.SERVER, root, leaf);
  }

  @Test
  void rootCarryingExtendedKeyUsageIsRejectedForServers() throws Exception {
    Cert ekuRoot = pki.issue(spec("EKU Carrying Root").ca(null).eku(KeyPurposeId.id_kp_serverAuth));
    Cert leaf = pki.issue(spec("under-eku-root.example").issuer(ekuRoot).dns("x.example"));
    assertRelaxedBy(Relaxation.LEGACY_ROOT_PROFILE, "root-no-eku", Purpose.SERVER, ekuRoot, leaf);
  }

  @Test
  void rootCarryingExtendedKeyUsageIsAcceptedForClients() throws Exception {
    Cert ekuRoot = pki.issue(spec("Client EKU Root").ca(null).eku(KeyPurposeId.id_kp_clientAuth));
    assertAccepted(Purpose.CLIENT, ekuRoot, pki.issue(spec("bank-client").issuer(ekuRoot)));
  }
}
