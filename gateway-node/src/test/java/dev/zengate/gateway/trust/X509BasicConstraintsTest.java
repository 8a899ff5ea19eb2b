package dev.zengate.gateway.trust;

import static dev.zengate.gateway.trust.Pki.spec;
import static dev.zengate.gateway.trust.StrictCases.assertAccepted;
import static dev.zengate.gateway.trust.StrictCases.assertRejectedBy;
import static dev.zengate.gateway.trust.StrictCases.assertRelaxedBy;

import dev.zengate.gateway.trust.Pki.Cert;
import dev.zengate.gateway.trust.profile.Relaxation;
import java.nio.file.Path;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Basic constraints and key usage of leaves and roots (RFC 5280 4.2.1.3, 4.2.1.9; CA/B BR). */
class X509BasicConstraintsTest {

  @TempDir static Path dir;
  static Pki pki;
  static Cert root;

  @BeforeAll
  static void pki() throws Exception {
    pki = new Pki(dir);
    root = pki.root("BC Root");
  }

  @Test
  void leafWithKeyCertSignIsRejected() throws Exception {
    Cert leaf =
        pki.issue(
            spec("signs-certs.example")
                .issuer(root)
                .dns("signs-certs.example")
                .keyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign));
    assertRejectedBy("leaf-no-key-cert-sign", Purpose.SERVER, root, leaf);
  }

  @Test
  void endEntityWithCaTrueIsRejected() throws Exception {
    Cert leaf =
        pki.issue(
            spec("ca-as-leaf.example")
                .issuer(root)
                .ca(null)
                .dns("ca-as-leaf.example")
                .eku(KeyPurposeId.id_kp_serverAuth));
    assertRejectedBy("leaf-not-ca", Purpose.SERVER, root, leaf);
  }

  @Test
  void rootWithNonCriticalBasicConstraintsIsRejected() throws Exception {
    Cert softRoot = pki.issue(spec("Non-critical BC Root").ca(null).basicConstraintsNonCritical());
    Cert leaf = pki.issue(spec("under-soft-root.example").issuer(softRoot).dns("x.example"));
    assertRelaxedBy(
        Relaxation.LEGACY_ROOT_PROFILE,
        "root-basic-constraints-critical",
        Purpose.SERVER,
        softRoot,
        leaf);
  }

  @Test
  void intermediateWithNonCriticalBasicConstraintsIsRejected() throws Exception {
    Cert softCa =
        pki.issue(spec("Non-critical BC CA").issuer(root).ca(0).basicConstraintsNonCritical());
    Cert leaf = pki.issue(spec("under-soft-ca.example").issuer(softCa).dns("x.example"));
    assertRejectedBy("ca-basic-constraints-critical", Purpose.SERVER, root, leaf, softCa);
  }

  @Test
  void rootWithUnknownCriticalExtensionIsRejected() throws Exception {
    Cert oddRoot =
        pki.issue(
            spec("Unknown Critical Root").ca(null).criticalUnknownExtension("1.3.6.1.4.1.55738.1"));
    Cert leaf = pki.issue(spec("under-odd-root.example").issuer(oddRoot).dns("x.example"));
    assertRelaxedBy(
        Relaxation.LEGACY_ROOT_PROFILE, "root-critical-extensions", Purpose.SERVER, oddRoot, leaf);
  }

  @Test
  void pathLengthConstraintInALeafIsIgnored() throws Exception {
    Cert issuing = pki.issue(spec("Pathlen Issuing CA").issuer(root).ca(0));
    Cert leaf =
        pki.issue(
            spec("leaf-pathlen.example")
                .issuer(issuing)
                .dns("leaf-pathlen.example")
                .endEntityPathLen(0));
    assertAccepted(Purpose.SERVER, root, leaf, issuing);
  }
}
