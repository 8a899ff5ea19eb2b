package dev.zengate.gateway.trust;

import static dev.zengate.gateway.trust.Pki.spec;
import static dev.zengate.gateway.trust.StrictCases.assertAccepted;
import static dev.zengate.gateway.trust.StrictCases.assertRejectedBy;
import static dev.zengate.gateway.trust.StrictCases.assertRejectedSaying;

import dev.zengate.gateway.trust.Pki.Cert;
import java.nio.file.Path;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Name constraints (RFC 5280 4.2.1.10), set on the trust anchor itself as private banking roots do:
 * directory names, forms that do not constrain each other, end entities that carry them, and
 * constraints that are malformed.
 */
class X509NameConstraintsTest {

  @TempDir static Path dir;
  static Pki pki;
  static Cert root;

  @BeforeAll
  static void pki() throws Exception {
    pki = new Pki(dir);
    root = pki.root("NC Plain Root");
  }

  private static Cert constrainedRoot(Pki.Spec spec) throws Exception {
    return pki.issue(spec.ca(null));
  }

  private static GeneralName dn(String name) {
    return new GeneralName(new X500Name(name));
  }

  private static GeneralName dns(String name) {
    return new GeneralName(GeneralName.dNSName, name);
  }

  private static GeneralName ipOctets(int... octets) {
    byte[] bytes = new byte[octets.length];
    for (int i = 0; i < octets.length; i++) {
      bytes[i] = (byte) octets[i];
    }
    return new GeneralName(GeneralName.iPAddress, new DEROctetString(bytes));
  }

  @Test
  void subjectOutsidePermittedDirectoryNameIsRejected() throws Exception {
    Cert ncRoot = constrainedRoot(spec("DN Permit Root").permit(dn("O=Partner Bank")));
    Cert leaf =
        pki.issue(spec("other").issuer(ncRoot).subject("O=Other Bank,CN=other").dns("a.example"));
    assertRejectedSaying("forbid DirName:O=Other Bank,CN=other", Purpose.SERVER, ncRoot, leaf);
  }

  @Test
  void subjectInsidePermittedDirectoryNameIsAccepted() throws Exception {
    Cert ncRoot = constrainedRoot(spec("DN Permit Match Root").permit(dn("O=Partner Bank")));
    Cert leaf =
        pki.issue(
            spec("inside").issuer(ncRoot).subject("O=Partner Bank,CN=inside").dns("b.example"));
    assertAccepted(Purpose.SERVER, ncRoot, leaf);
  }

  @Test
  void subjectInsideExcludedDirectoryNameIsRejected() throws Exception {
    Cert ncRoot = constrainedRoot(spec("DN Exclude Root").exclude(dn("O=Blocked Bank")));
    Cert leaf =
        pki.issue(
            spec("blocked").issuer(ncRoot).subject("O=Blocked Bank,CN=blocked").dns("c.example"));
    assertRejectedSaying("forbid DirName:O=Blocked Bank,CN=blocked", Purpose.SERVER, ncRoot, leaf);
  }

  @Test
  void permittedDirectoryNameInAltNameDoesNotExcuseTheSubject() throws Exception {
    Cert ncRoot = constrainedRoot(spec("DN SAN Root").permit(dn("CN=foo")));
    Cert leaf = pki.issue(spec("not-foo").issuer(ncRoot).subject("CN=not-foo").dirName("CN=foo"));
    assertRejectedSaying("forbid DirName:CN=not-foo", Purpose.SERVER, ncRoot, leaf);
  }

  @Test
  void excludedDirectoryNameInSubjectIsRejectedWhateverTheAltName() throws Exception {
    Cert ncRoot = constrainedRoot(spec("DN Exclude SAN Root").exclude(dn("CN=foo")));
    Cert leaf = pki.issue(spec("foo").issuer(ncRoot).subject("CN=foo").dirName("CN=not-foo"));
    assertRejectedSaying("forbid DirName:CN=foo", Purpose.SERVER, ncRoot, leaf);
  }

  @Test
  void nameConstraintsInAnEndEntityAreRejected() throws Exception {
    Cert leaf =
        pki.issue(spec("nc-leaf.example").issuer(root).dns("nc-leaf.example").permitDns("example"));
    assertRejectedBy("name-constraints-in-ca-only", Purpose.SERVER, root, leaf);
  }

  @Test
  void permittedIpConstraintLeavesDnsNamesUnconstrained() throws Exception {
    Cert ncRoot =
        constrainedRoot(spec("IP Permit Root").permit(ipOctets(192, 0, 2, 0, 255, 255, 255, 0)));
    assertAccepted(
        Purpose.SERVER, ncRoot, pki.issue(spec("dns-only").issuer(ncRoot).dns("example.com")));
  }

  @Test
  void excludedIpConstraintLeavesDnsNamesUnconstrained() throws Exception {
    Cert ncRoot =
        constrainedRoot(spec("IP Exclude Root").exclude(ipOctets(192, 0, 2, 0, 255, 255, 255, 0)));
    assertAccepted(
        Purpose.SERVER, ncRoot, pki.issue(spec("dns-only-2").issuer(ncRoot).dns("example.com")));
  }

  @Test
  void permittedDnsConstraintLeavesIpAddressesUnconstrained() throws Exception {
    Cert ncRoot = constrainedRoot(spec("DNS Permit Root").permit(dns("example.com")));
    assertAccepted(
        Purpose.SERVER, ncRoot, pki.issue(spec("ip-only").issuer(ncRoot).ip("192.0.2.7")));
  }

  @Test
  void addressOutsidePermittedIpConstraintIsRejected() throws Exception {
    Cert ncRoot =
        constrainedRoot(
            spec("IP Permit Miss Root").permit(ipOctets(192, 0, 2, 0, 255, 255, 255, 0)));
    assertRejectedSaying(
        "forbid IP:192.0.3.1",
        Purpose.SERVER,
        ncRoot,
        pki.issue(spec("ip-outside").issuer(ncRoot).ip("192.0.3.1")));
  }

  @Test
  void wildcardDnsConstraintIsRejectedAsMalformed() throws Exception {
    Cert ncRoot = constrainedRoot(spec("Wildcard NC Root").permit(dns("*.example.com")));
    assertRejectedBy(
        "name-constraint-syntax",
        Purpose.SERVER,
        ncRoot,
        pki.issue(spec("w.example.com").issuer(ncRoot).dns("foo.example.com")));
  }

  @Test
  void leadingPeriodDnsConstraintIsRejectedAsMalformed() throws Exception {
    Cert ncRoot = constrainedRoot(spec("Leading Period NC Root").permit(dns(".example.com")));
    assertRejectedBy(
        "name-constraint-syntax",
        Purpose.SERVER,
        ncRoot,
        pki.issue(spec("p.example.com").issuer(ncRoot).dns("foo.example.com")));
  }

  @Test
  void ipv4ConstraintWithoutMaskIsRejectedAsMalformed() throws Exception {
    Cert ncRoot = constrainedRoot(spec("Bare IPv4 NC Root").permit(ipOctets(127, 0, 0, 1)));
    assertRejectedBy(
        "name-constraint-syntax",
        Purpose.SERVER,
        ncRoot,
        pki.issue(spec("bare-ip").issuer(ncRoot).ip("127.0.0.1")));
  }

  @Test
  void ipConstraintWithNonContiguousMaskIsRejectedAsMalformed() throws Exception {
    Cert ncRoot =
        constrainedRoot(spec("Holey Mask NC Root").permit(ipOctets(10, 0, 0, 0, 255, 0, 255, 0)));
    assertRejectedBy(
        "name-constraint-syntax",
        Purpose.SERVER,
        ncRoot,
        pki.issue(spec("holey-ip").issuer(ncRoot).ip("10.0.0.1")));
  }

  @Test
  void emailConstraintWithTwoAtSignsIsRejectedAsMalformed() throws Exception {
    Cert ncRoot =
        constrainedRoot(
            spec("Email NC Root")
                .permit(new GeneralName(GeneralName.rfc822Name, "invalid@invalid@example.com")));
    Cert leaf =
        pki.issue(
            spec("mail-client")
                .issuer(ncRoot)
                .eku(KeyPurposeId.id_kp_clientAuth)
                .email("example@example.com"));
    assertRejectedBy("name-constraint-syntax", Purpose.CLIENT, ncRoot, leaf);
  }
}
