package dev.zengate.gateway.trust;

import static dev.zengate.gateway.trust.Pki.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.gateway.trust.Pki.Cert;
import dev.zengate.gateway.trust.revocation.CrlIndex;
import dev.zengate.gateway.trust.revocation.RevocationMode;
import dev.zengate.gateway.trust.revocation.RevocationPolicy;
import dev.zengate.gateway.trust.revocation.RevocationService;
import dev.zengate.gateway.trust.revocation.SourceHealth;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CRLs made by {@code openssl ca -gencrl}, served over HTTP on 127.0.0.1. */
class CrlRevocationTest {

  @TempDir static Path dir;

  static LoopbackHttp http;
  static Pki pki;
  static Cert root;
  static OpensslCa ca;
  static TrustSet trust;
  static final AtomicReference<byte[]> currentCrl = new AtomicReference<>();
  static final AtomicReference<byte[]> staleCrl = new AtomicReference<>();
  static Cert good;
  static Cert revoked;
  static Cert stale;
  static Cert unreachable;
  static Instant revokedAt = Instant.parse("2025-05-06T07:08:09Z");

  @BeforeAll
  static void start() throws Exception {
    http = new LoopbackHttp();
    pki = new Pki(dir.resolve("pki"));
    root = pki.root("CRL Test Root");
    ca = new OpensslCa(root, dir.resolve("ca"));
    http.serve("/ca.crl", request -> currentCrl.get());
    http.serve("/stale.crl", request -> staleCrl.get());
    good = leaf("crl-good", http.url("/ca.crl"));
    revoked = leaf("crl-revoked", http.url("/ca.crl"));
    stale = leaf("crl-stale", http.url("/stale.crl"));
    unreachable = leaf("crl-unreachable", LoopbackHttp.deadUrl("/ca.crl"));
    ca.valid(good);
    ca.revoke(revoked, revokedAt, "keyCompromise");
    Instant now = Instant.now();
    currentCrl.set(ca.crl(now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(1))));
    staleCrl.set(ca.crl(now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1))));
    trust = new TrustSet(List.of(root.cert()), List.of());
  }

  @AfterAll
  static void stop() {
    http.close();
  }

  private static Cert leaf(String cn, String crlUrl) throws Exception {
    return pki.issue(spec(cn).issuer(root).crl(crlUrl));
  }

  private static RevocationPolicy crl() {
    return RevocationPolicy.of(RevocationMode.CRL).withTimeout(Duration.ofSeconds(2));
  }

  private static Verdict check(RevocationService service, Cert leaf) {
    return new PathValidator(trust, TrustPolicy.DEFAULT, service)
        .validate(List.of(leaf.cert()), Purpose.SERVER, null, Instant.now());
  }

  private static Verdict check(RevocationPolicy policy, Cert leaf) {
    try (RevocationService service = new RevocationService(policy, null, List.of(), null)) {
      return check(service, leaf);
    }
  }

  @Test
  void goodCertificateIsAccepted() {
    Verdict verdict = check(crl(), good);
    assertTrue(verdict.accepted(), verdict::reason);
  }

  @Test
  void revokedCertificateIsRejectedWithTimeReasonAndDistributionPoint() {
    Verdict verdict = check(crl(), revoked);
    assertEquals(RejectionKind.REVOKED, verdict.kind(), verdict.reason());
    assertEquals(
        "certificate CN=crl-revoked was revoked at 2025-05-06T07:08:09Z (keyCompromise)"
            + " according to CRL "
            + http.url("/ca.crl"),
        verdict.reason());
  }

  @Test
  void staleCrlIsReportedAndHandledByTheFailurePolicy() {
    try (RevocationService service = new RevocationService(crl(), null, List.of(), null)) {
      Verdict hard = check(service, stale);
      assertEquals(RejectionKind.REVOCATION_UNAVAILABLE, hard.kind());
      assertTrue(hard.reason().contains("the CRL is stale: its nextUpdate"), hard.reason());
      SourceHealth health = service.health().get(0);
      assertTrue(health.stale());
      assertEquals(http.url("/stale.crl"), health.url());
    }
    Verdict soft = check(crl().withSoftFail(true), stale);
    assertTrue(soft.accepted());
    assertTrue(soft.warnings().get(0).contains("stale"), soft.warnings().toString());
  }

  @Test
  void unreachableDistributionPointRejectsUnderHardFailOnly() {
    Verdict hard = check(crl(), unreachable);
    assertEquals(RejectionKind.REVOCATION_UNAVAILABLE, hard.kind());
    assertTrue(
        hard.reason().contains("the CRL could not be fetched: connection refused"), hard.reason());
    assertTrue(check(crl().withSoftFail(true), unreachable).accepted());
  }

  @Test
  void certificateWithoutDistributionPointFollowsTheNoLocationPolicy() throws Exception {
    Cert bare = pki.issue(spec("crl-no-cdp").issuer(root));
    Verdict refused = check(crl(), bare);
    assertEquals(RejectionKind.REVOCATION_UNAVAILABLE, refused.kind());
    assertTrue(refused.reason().contains("names no CRL distribution point"), refused.reason());
    assertTrue(check(crl().withAcceptWithoutLocation(true), bare).accepted());
    assertTrue(check(crl().withCrlUrl(URI.create(http.url("/ca.crl"))), bare).accepted());
  }

  @Test
  void crlIsCachedOnDiskAndUsedWhenTheDistributionPointIsDown() throws Exception {
    Path cache = dir.resolve("crl-cache");
    try (RevocationService first = new RevocationService(crl(), cache, List.of(), null)) {
      assertTrue(check(first, good).accepted());
    }
    try (var files = Files.list(cache)) {
      assertEquals(1, files.filter(f -> f.toString().endsWith(".crl")).count());
    }
    // A fresh service (a restarted node) with the distribution point answering 503.
    LoopbackHttp down = new LoopbackHttp();
    try {
      down.serve("/ca.crl", request -> null);
      RevocationPolicy viaDeadServer = crl().withCrlUrl(URI.create(down.url("/ca.crl")));
      try (RevocationService warm = new RevocationService(viaDeadServer, cache, List.of(), null)) {
        Verdict fromOtherUrl = check(warm, good);
        assertEquals(RejectionKind.REVOCATION_UNAVAILABLE, fromOtherUrl.kind());
      }
      int hits = http.hits("/ca.crl");
      try (RevocationService warm = new RevocationService(crl(), cache, List.of(), null)) {
        assertTrue(check(warm, good).accepted());
        assertEquals(RejectionKind.REVOKED, check(warm, revoked).kind());
      }
      assertEquals(hits, http.hits("/ca.crl"), "the cached copy should have been used");
    } finally {
      down.close();
    }
  }

  @Test
  void crlIsRefreshedBeforeNextUpdate() throws Exception {
    LoopbackHttp server = new LoopbackHttp();
    try {
      Cert ca2Root = pki.root("Refresh Root");
      OpensslCa ca2 = new OpensslCa(ca2Root, dir.resolve("ca2"));
      AtomicReference<byte[]> served = new AtomicReference<>();
      server.serve("/r.crl", request -> served.get());
      Cert leaf = pki.issue(spec("refresh-leaf").issuer(ca2Root).crl(server.url("/r.crl")));
      ca2.valid(leaf);
      Instant now = Instant.now();
      // nextUpdate in 30 s: inside the one-minute refresh margin, so a refresh is due.
      served.set(ca2.crl(now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofSeconds(30))));
      TrustSet trust2 = new TrustSet(List.of(ca2Root.cert()), List.of());
      try (RevocationService service = new RevocationService(crl(), null, List.of(), null)) {
        PathValidator validator = new PathValidator(trust2, TrustPolicy.DEFAULT, service);
        assertTrue(validator.validate(List.of(leaf.cert()), Purpose.SERVER, null, now).accepted());
        assertEquals(1, server.hits("/r.crl"));

        ca2.revoke(leaf, now.minus(Duration.ofSeconds(5)), "superseded");
        served.set(ca2.crl(now.minus(Duration.ofSeconds(1)), now.plus(Duration.ofDays(1))));
        service.crls().refreshDue();
        assertEquals(2, server.hits("/r.crl"));

        Verdict after =
            validator.validate(List.of(leaf.cert()), Purpose.SERVER, null, Instant.now());
        assertEquals(RejectionKind.REVOKED, after.kind(), after.reason());
        assertTrue(after.reason().contains("(superseded)"), after.reason());
        service.crls().refreshDue();
        assertEquals(2, server.hits("/r.crl"), "a CRL valid for a day is not refreshed again");
      }
    } finally {
      server.close();
    }
  }

  @Test
  void ldapDistributionPointIsReportedNotThrown() {
    Verdict verdict = check(crl().withCrlUrl(URI.create("ldap://127.0.0.1/cn=CRL")), good);
    assertEquals(RejectionKind.REVOCATION_UNAVAILABLE, verdict.kind());
    assertTrue(verdict.reason().contains("unsupported URL scheme ldap"), verdict.reason());
  }

  @Test
  void crlSignedByAnotherCaIsNotUsed() throws Exception {
    Cert other = pki.root("Other CRL CA");
    OpensslCa otherCa = new OpensslCa(other, dir.resolve("other-ca"));
    Instant now = Instant.now();
    byte[] foreign = otherCa.crl(now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(1)));
    LoopbackHttp server = new LoopbackHttp();
    try {
      server.serve("/foreign.crl", request -> foreign);
      Verdict verdict = check(crl().withCrlUrl(URI.create(server.url("/foreign.crl"))), good);
      assertEquals(RejectionKind.REVOCATION_UNAVAILABLE, verdict.kind());
      assertTrue(
          verdict
              .reason()
              .contains("the CRL was issued by CN=Other CRL CA, not by CN=CRL Test Root"),
          verdict.reason());
    } finally {
      server.close();
    }
  }

  @Test
  void bothModeFallsBackToTheCrlWhenThereIsNoResponder() {
    RevocationPolicy both =
        RevocationPolicy.of(RevocationMode.BOTH).withTimeout(Duration.ofSeconds(2));
    assertTrue(check(both, good).accepted());
    assertEquals(RejectionKind.REVOKED, check(both, revoked).kind());
  }

  @Test
  void largeCrlLoadsFastAndIsIndexedBySerial() throws Exception {
    int entries = 100_000;
    Instant now = Instant.now();
    X509v2CRLBuilder builder =
        new X509v2CRLBuilder(
            X500Name.getInstance(root.cert().getSubjectX500Principal().getEncoded()),
            Date.from(now.minus(Duration.ofMinutes(1))));
    builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
    Date when = Date.from(revokedAt);
    for (int i = 0; i < entries; i++) {
      builder.addCRLEntry(BigInteger.valueOf(1_000_000L + i), when, CRLReason.keyCompromise);
    }
    builder.addCRLEntry(revoked.cert().getSerialNumber(), when, CRLReason.keyCompromise);
    byte[] der =
        builder
            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(root.key()))
            .getEncoded();

    long start = System.nanoTime();
    CrlIndex crl = TrustParsers.crl(der);
    assertTrue(crl.verifies(root.cert().getPublicKey()));
    var last = crl.revocation(BigInteger.valueOf(1_000_000L + entries - 1));
    long loadMillis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        "100k-entry CRL (%d bytes): parsed, indexed, verified and first lookup in %d ms%n",
        der.length, loadMillis);
    assertEquals(entries + 1, crl.size());
    assertEquals(revokedAt, last.orElseThrow().at());
    assertEquals("keyCompromise", last.orElseThrow().reason());
    assertTrue(crl.revocation(BigInteger.valueOf(999_999L)).isEmpty());
    // Generous bound for a loaded 2-core CI machine; it catches quadratic regressions, the figure
    // printed above is the measurement.
    assertTrue(loadMillis < 2_000, "loading took " + loadMillis + " ms");

    LoopbackHttp server = new LoopbackHttp();
    try {
      server.serve("/big.crl", request -> der);
      RevocationPolicy big = crl().withCrlUrl(URI.create(server.url("/big.crl")));
      try (RevocationService service = new RevocationService(big, null, List.of(), null)) {
        assertEquals(RejectionKind.REVOKED, check(service, revoked).kind());
        long lookups = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
          assertTrue(check(service, good).accepted());
        }
        long perCheckMicros = (System.nanoTime() - lookups) / 1000 / 1000;
        System.out.printf(
            "validation with a cached 100k-entry CRL: %d us per chain%n", perCheckMicros);
      }
    } finally {
      server.close();
    }
  }
}
