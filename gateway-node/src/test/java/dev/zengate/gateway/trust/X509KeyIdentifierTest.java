package dev.zengate.gateway.trust;

import static dev.zengate.gateway.trust.Pki.spec;
import static dev.zengate.gateway.trust.StrictCases.assertAccepted;
import static dev.zengate.gateway.trust.StrictCases.assertRejectedBy;
import static dev.zengate.gateway.trust.StrictCases.assertRelaxedBy;

import dev.zengate.gateway.trust.Pki.Cert;
import dev.zengate.gateway.trust.Pki.SelfAki;
import dev.zengate.gateway.trust.profile.Relaxation;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Authority and subject key identifiers (RFC 5280 4.2.1.1-2, CA/B BR 7.1.2.1.3). */
class X509KeyIdentifierTest {

  @TempDir static Path dir;
  static Pki pki;
  static Cert root;

  @BeforeAll
  static void pki() throws Exception {
    pki = new Pki(dir);
    root = pki.root("Key Id Root");
  }

  private static Cert leaf(String cn, Cert issuer) throws Exception {
    return pki.issue(spec(cn).issuer(issuer).dns(cn));
  }

  @Test
  void selfSignedRootWithoutAuthorityKeyIdentifierIsAccepted() throws Exception {
    assertAccepted(Purpose.SERVER, root, leaf("plain.example", root));
  }

  @Test
  void leafWithoutAuthorityKeyIdentifierIsRejected() throws Exception {
    Cert leaf = pki.issue(spec("no-aki.example").issuer(root).dns("no-aki.example").withoutAki());
    assertRelaxedBy(Relaxation.MISSING_KEY_IDENTIFIERS, "aki-present", Purpose.SERVER, root, leaf);
  }

  @Test
  void intermediateWithoutAuthorityKeyIdentifierIsRejected() throws Exception {
    Cert ca = pki.issue(spec("No AKI Issuing CA").issuer(root).ca(0).withoutAki());
    assertRelaxedBy(
        Relaxation.MISSING_KEY_IDENTIFIERS,
        "aki-present",
        Purpose.SERVER,
        root,
        leaf("under-no-aki-ca.example", ca),
        ca);
  }

  @Test
  void rootWithoutSubjectKeyIdentifierIsRejected() throws Exception {
    Cert bareRoot = pki.issue(spec("No SKI Root").ca(null).withoutSki());
    assertRelaxedBy(
        Relaxation.MISSING_KEY_IDENTIFIERS,
        "ski-present",
        Purpose.SERVER,
        bareRoot,
        leaf("under-no-ski-root.example", bareRoot));
  }

  @Test
  void intermediateWithoutSubjectKeyIdentifierIsRejected() throws Exception {
    Cert ca = pki.issue(spec("No SKI Issuing CA").issuer(root).ca(0).withoutSki());
    assertRelaxedBy(
        Relaxation.MISSING_KEY_IDENTIFIERS,
        "ski-present",
        Purpose.SERVER,
        root,
        leaf("under-no-ski-ca.example", ca),
        ca);
  }

  @Test
  void criticalAuthorityKeyIdentifierIsRejected() throws Exception {
    Cert criticalRoot =
        pki.issue(spec("Critical AKI Root").ca(null).selfAki(SelfAki.MATCHING).criticalAki());
    assertRejectedBy(
        "key-identifiers-non-critical",
        Purpose.SERVER,
        criticalRoot,
        leaf("under-critical-aki.example", criticalRoot));
  }

  @Test
  void rootAuthorityKeyIdentifierNamingIssuerAndSerialIsRejected() throws Exception {
    Cert namingRoot =
        pki.issue(spec("Issuer Serial AKI Root").ca(null).selfAki(SelfAki.WITH_ISSUER_AND_SERIAL));
    assertRelaxedBy(
        Relaxation.LEGACY_ROOT_PROFILE,
        "root-aki",
        Purpose.SERVER,
        namingRoot,
        leaf("under-issuer-serial-aki.example", namingRoot));
  }

  @Test
  void rootAuthorityKeyIdentifierDifferentFromItsSubjectKeyIdentifierIsRejected() throws Exception {
    Cert mismatchRoot = pki.issue(spec("Mismatched AKI Root").ca(null).selfAki(SelfAki.OTHER_KEY));
    assertRelaxedBy(
        Relaxation.LEGACY_ROOT_PROFILE,
        "root-aki",
        Purpose.SERVER,
        mismatchRoot,
        leaf("under-mismatched-aki.example", mismatchRoot));
  }

  @Test
  void rootAuthorityKeyIdentifierMatchingItsSubjectKeyIdentifierIsAccepted() throws Exception {
    Cert matchingRoot = pki.issue(spec("Matching AKI Root").ca(null).selfAki(SelfAki.MATCHING));
    assertAccepted(Purpose.SERVER, matchingRoot, leaf("under-matching-aki.example", matchingRoot));
  }
}
