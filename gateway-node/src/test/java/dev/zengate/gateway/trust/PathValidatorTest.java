package dev.zengate.gateway.trust;

import static dev.zengate.gateway.trust.Pki.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.gateway.trust.Pki.Cert;
import dev.zengate.gateway.trust.revocation.RevocationChecker;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RFC 5280 path validation without revocation: one test per rule, each with its reason. */
class PathValidatorTest {

  @TempDir static Path dir;

  static Pki pki;
  static Cert root;
  static Cert intermediate;
  static TrustSet rootOnly;

  @BeforeAll
  static void pki() throws Exception {
    pki = new Pki(dir);
    root = pki.root("Test Root");
    intermediate = pki.issue(spec("Test Issuing CA").issuer(root).ca(0));
    rootOnly = new TrustSet(List.of(root.cert()), List.of());
  }

  private static Verdict validate(TrustSet trust, Purpose purpose, String name, Cert... chain) {
    return validate(trust, TrustPolicy.DEFAULT, purpose, name, chain);
  }

  private static Verdict validate(
      TrustSet trust, TrustPolicy policy, Purpose purpose, String name, Cert... chain) {
    List<X509Certificate> presented = java.util.Arrays.stream(chain).map(Cert::cert).toList();
    return new PathValidator(trust, policy, RevocationChecker.NONE)
        .validate(presented, purpose, name, Instant.now());
  }

  private static Cert server(String cn) throws Exception {
    return pki.issue(spec(cn).issuer(intermediate).eku(KeyPurposeId.id_kp_serverAuth).dns(cn));
  }

  private static void assertRejected(Verdict verdict, RejectionKind kind, String reason) {
    assertFalse(verdict.accepted(), () -> "expected a rejection, got " + verdict);
    assertEquals(kind, verdict.kind(), verdict.reason());
    assertTrue(
        verdict.reason().contains(reason),
        () -> "reason '" + verdict.reason() + "' should contain '" + reason + "'");
  }

  @Test
  void goodChainSentByPeerIsAccepted() throws Exception {
    Cert leaf = server("good.example");
    Verdict verdict = validate(rootOnly, Purpose.SERVER, "good.example", leaf, intermediate);
    assertTrue(verdict.accepted(), verdict::reason);
    assertEquals(List.of(leaf.cert(), intermediate.cert(), root.cert()), verdict.path());
  }

  @Test
  void intermediateFromConfigurationCompletesAChainSentWithoutIt() throws Exception {
    Cert leaf = server("config-int.example");
    TrustSet withIntermediate = new TrustSet(List.of(root.cert()), List.of(intermediate.cert()));
    assertTrue(validate(withIntermediate, Purpose.SERVER, null, leaf).accepted());
  }

  @Test
  void missingIntermediateIsAnUnknownIssuer() throws Exception {
    Cert leaf = server("missing-int.example");
    assertRejected(
        validate(rootOnly, Purpose.SERVER, null, leaf),
        RejectionKind.UNKNOWN_ISSUER,
        "unknown issuer CN=Test Issuing CA of CN=missing-int.example");
  }

  @Test
  void selfSignedStrangerIsAnUnknownIssuer() throws Exception {
    Cert stranger = pki.root("Stranger");
    assertRejected(
        validate(rootOnly, Purpose.SERVER, null, stranger),
        RejectionKind.UNKNOWN_ISSUER,
        "CN=Stranger is self-signed and not a trust anchor");
  }

  @Test
  void expiredLeafIsRejectedWithItsExpiryDate() throws Exception {
    Instant end = Instant.parse("2024-01-02T03:04:05Z");
    Cert leaf =
        pki.issue(
            spec("expired.example")
                .issuer(intermediate)
                .validity(end.minus(Duration.ofDays(30)), end));
    assertRejected(
        validate(rootOnly, Purpose.SERVER, null, leaf, intermediate),
        RejectionKind.EXPIRED,
        "certificate CN=expired.example expired on 2024-01-02T03:04:05Z");
  }

  @Test
  void notYetValidLeafIsRejected() throws Exception {
    Instant start =
        Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    Cert leaf =
        pki.issue(
            spec("future.example")
                .issuer(intermediate)
                .validity(start, start.plus(Duration.ofDays(9))));
    assertRejected(
        validate(rootOnly, Purpose.SERVER, null, leaf, intermediate),
        RejectionKind.NOT_YET_VALID,
        "certificate CN=future.example is not valid before " + start);
  }

  @Test
  void clientCertificateUsedAsServerIsWrongExtendedKeyUsage() throws Exception {
    Cert leaf =
        pki.issue(spec("client-only").issuer(intermediate).eku(KeyPurposeId.id_kp_clientAuth));
    assertRejected(
        validate(rootOnly, Purpose.SERVER, null, leaf, intermediate),
        RejectionKind.EXTENDED_KEY_USAGE,
        "extended key usage of CN=client-only does not include serverAuth (it has clientAuth)");
    assertTrue(validate(rootOnly, Purpose.CLIENT, null, leaf, intermediate).accepted());
  }

  @Test
  void intermediateRestrictedToClientAuthCannotIssueServers() throws Exception {
    Cert clientCa =
        pki.issue(spec("Client Only CA").issuer(root).ca(0).eku(KeyPurposeId.id_kp_clientAuth));
    Cert leaf = pki.issue(spec("srv-under-client-ca").issuer(clientCa));
    assertRejected(
        validate(rootOnly, Purpose.SERVER, null, leaf, clientCa),
        RejectionKind.EXTENDED_KEY_USAGE,
        "extended key usage of CA CN=Client Only CA does not allow serverAuth");
  }

  @Test
  void pathLengthConstraintExceeded() throws Exception {
    // Test Issuing CA has pathLen 0: it may not issue another CA that issues leaves.
    Cert subCa = pki.issue(spec("Sub CA").issuer(intermediate).ca(null));
    Cert leaf = pki.issue(spec("deep.example").issuer(subCa));
    assertRejected(
        validate(rootOnly, Purpose.SERVER, null, leaf, subCa, intermediate),
        RejectionKind.PATH_LENGTH,
        "path length constraint of CN=Test Issuing CA exceeded");
  }

  @Test
  void nameConstraintsForbidNameOutsidePermittedSubtree() throws Exception {
    Cert constrained =
        pki.issue(spec("Constrained CA").issuer(root).ca(0).permitDns("good.example"));
    Cert allowed = pki.issue(spec("www.good.example").issuer(constrained).dns("www.good.example"));
    Cert evil = pki.issue(spec("evil").issuer(constrained).dns("evil.example"));
    assertTrue(validate(rootOnly, Purpose.SERVER, null, allowed, constrained).accepted());
    assertRejected(
        validate(rootOnly, Purpose.SERVER, null, evil, constrained),
        RejectionKind.NAME_CONSTRAINTS,
        "name constraints of CN=Constrained CA forbid DNS:evil.example");
  }

  @Test
  void nameConstraintsForbidExcludedName() throws Exception {
    Cert constrained =
        pki.issue(spec("Excluding CA").issuer(root).ca(0).excludeDns("blocked.example"));
    Cert leaf = pki.issue(spec("x").issuer(constrained).dns("a.blocked.example"));
    assertRejected(
        validate(rootOnly, Purpose.SERVER, null, leaf, constrained),
        RejectionKind.NAME_CONSTRAINTS,
        "name constraints of CN=Excluding CA forbid DNS:a.blocked.example");
  }

  @Test
  void rsa1024IsRefusedByDefaultAndAcceptedWhenThePolicyAllowsIt() throws Exception {
    Cert leaf = pki.issue(spec("legacy.example").issuer(intermediate).rsa(1024));
    assertRejected(
        validate(rootOnly, Purpose.SERVER, null, leaf, intermediate),
        RejectionKind.WEAK_KEY,
        "certificate CN=legacy.example has a 1024-bit RSA key; at least 2048 bits are required");
    assertTrue(
        validate(rootOnly, TrustPolicy.allowingRsa1024(), Purpose.SERVER, null, leaf, intermediate)
            .accepted());
  }

  @Test
  void sha1SignatureIsRefused() throws Exception {
    Cert rsaRoot = pki.issue(spec("RSA Root").ca(null).rsa(2048));
    Cert leaf = pki.issue(spec("sha1.example").issuer(rsaRoot).signedWith("SHA1withRSA"));
    assertRejected(
        validate(new TrustSet(List.of(rsaRoot.cert()), List.of()), Purpose.SERVER, null, leaf),
        RejectionKind.WEAK_SIGNATURE,
        "certificate CN=sha1.example is signed with SHA1withRSA");
  }

  @Test
  void unknownCriticalExtensionIsRefused() throws Exception {
    Cert leaf =
        pki.issue(spec("odd.example").issuer(intermediate).criticalUnknownExtension("1.2.3.4.5"));
    assertRejected(
        validate(rootOnly, Purpose.SERVER, null, leaf, intermediate),
        RejectionKind.CRITICAL_EXTENSION,
        "certificate CN=odd.example has an unknown critical extension 1.2.3.4.5");
  }

  @Test
  void issuerWithoutCaFlagIsNotACa() throws Exception {
    Cert notCa = pki.issue(spec("Not A CA").issuer(root).withoutBasicConstraints());
    Cert leaf = pki.issue(spec("under-not-ca").issuer(notCa));
    assertRejected(
        validate(rootOnly, Purpose.SERVER, null, leaf, notCa),
        RejectionKind.NOT_A_CA,
        "CA certificate CN=Not A CA is not a CA certificate");
  }

  @Test
  void issuerWithoutKeyCertSignIsRefused() throws Exception {
    Cert noSign =
        pki.issue(spec("No Sign CA").issuer(root).ca(0).keyUsage(KeyUsage.digitalSignature));
    Cert leaf = pki.issue(spec("under-no-sign").issuer(noSign));
    assertRejected(
        validate(rootOnly, Purpose.SERVER, null, leaf, noSign),
        RejectionKind.KEY_USAGE,
        "key usage of CA certificate CN=No Sign CA does not allow certificate signing");
  }

  @Test
  void hostNameAndIpAddressAreMatchedAgainstSubjectAltNames() throws Exception {
    Cert leaf =
        pki.issue(
            spec("partner")
                .issuer(intermediate)
                .eku(KeyPurposeId.id_kp_serverAuth)
                .dns("*.partner.example")
                .ip("192.0.2.10"));
    assertTrue(
        validate(rootOnly, Purpose.SERVER, "zengin.partner.example", leaf, intermediate)
            .accepted());
    assertTrue(validate(rootOnly, Purpose.SERVER, "192.0.2.10", leaf, intermediate).accepted());
    assertRejected(
        validate(rootOnly, Purpose.SERVER, "a.b.partner.example", leaf, intermediate),
        RejectionKind.NAME_MISMATCH,
        "name mismatch: CN=partner is not valid for DNS:a.b.partner.example");
    assertRejected(
        validate(rootOnly, Purpose.SERVER, "192.0.2.11", leaf, intermediate),
        RejectionKind.NAME_MISMATCH,
        "is not valid for IP:192.0.2.11 (it is valid for DNS:*.partner.example, IP:192.0.2.10)");
  }

  @Test
  void expiredTrustAnchorIsNamedAsSuch() throws Exception {
    Instant end = Instant.parse("2025-06-30T00:00:00Z");
    Cert oldRoot =
        pki.issue(spec("Old Root").ca(null).validity(end.minus(Duration.ofDays(3650)), end));
    Cert leaf = pki.issue(spec("under-old-root").issuer(oldRoot));
    assertRejected(
        validate(new TrustSet(List.of(oldRoot.cert()), List.of()), Purpose.CLIENT, null, leaf),
        RejectionKind.EXPIRED,
        "trust anchor CN=Old Root expired on 2025-06-30T00:00:00Z");
  }

  @Test
  void validationAtAGivenTimeUsesThatTime() throws Exception {
    Instant end = Instant.parse("2024-01-02T03:04:05Z");
    Cert longRoot =
        pki.issue(
            spec("Long Root")
                .ca(null)
                .validity(Instant.parse("2023-01-01T00:00:00Z"), end.plus(Duration.ofDays(3650))));
    Cert leaf =
        pki.issue(
            spec("was-valid.example")
                .issuer(longRoot)
                .validity(end.minus(Duration.ofDays(30)), end));
    PathValidator validator =
        new PathValidator(
            new TrustSet(List.of(longRoot.cert()), List.of()),
            TrustPolicy.DEFAULT,
            RevocationChecker.NONE);
    assertTrue(
        validator
            .validate(
                List.of(leaf.cert()), Purpose.SERVER, null, Instant.parse("2024-01-01T00:00:00Z"))
            .accepted());
    assertEquals(
        RejectionKind.EXPIRED,
        validator.validate(List.of(leaf.cert()), Purpose.SERVER, null, Instant.now()).kind());
  }
}
