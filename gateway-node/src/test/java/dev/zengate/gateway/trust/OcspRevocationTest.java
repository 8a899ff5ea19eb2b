package dev.zengate.gateway.trust;

import static dev.zengate.gateway.trust.Pki.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.gateway.trust.Pki.Cert;
import dev.zengate.gateway.trust.revocation.RevocationMode;
import dev.zengate.gateway.trust.revocation.RevocationPolicy;
import dev.zengate.gateway.trust.revocation.RevocationService;
import dev.zengate.gateway.trust.revocation.SourceHealth;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OCSP against the real openssl responder (index.txt), served on 127.0.0.1. */
class OcspRevocationTest {

  @TempDir static Path dir;

  static LoopbackHttp http;
  static LoopbackHttp proxy;
  static Cert root;
  static Cert responder;
  static OpensslCa ca;
  static TrustSet trust;
  static Instant revokedAt = Instant.parse("2025-03-04T05:06:07Z");
  static Cert good;
  static Cert revoked;
  static Cert unknown;
  static Cert down;
  static Cert noAia;
  static Cert rogueSigned;
  static Cert slow;

  @BeforeAll
  static void start() throws Exception {
    http = new LoopbackHttp();
    proxy = LoopbackHttp.proxy();
    Pki pki = new Pki(dir.resolve("pki"));
    root = pki.root("OCSP Test Root");
    responder =
        pki.issue(spec("OCSP Test Responder").issuer(root).eku(KeyPurposeId.id_kp_OCSPSigning));
    Cert rogue = pki.issue(spec("Rogue Responder").ca(null).eku(KeyPurposeId.id_kp_OCSPSigning));
    ca = new OpensslCa(root, dir.resolve("ca"));
    http.serve("/ocsp", request -> ca.ocsp(request, responder, 5));
    http.serve("/rogue", request -> ca.ocsp(request, rogue, 5));
    http.serve(
        "/slow",
        request -> {
          Thread.sleep(2_500);
          return ca.ocsp(request, responder, 5);
        });
    good = leaf(pki, "ocsp-good", http.url("/ocsp"));
    revoked = leaf(pki, "ocsp-revoked", http.url("/ocsp"));
    unknown = leaf(pki, "ocsp-unknown", http.url("/ocsp"));
    down = leaf(pki, "ocsp-down", LoopbackHttp.deadUrl("/ocsp"));
    noAia = leaf(pki, "ocsp-no-aia", null);
    rogueSigned = leaf(pki, "ocsp-rogue", http.url("/rogue"));
    slow = leaf(pki, "ocsp-slow", http.url("/slow"));
    for (Cert cert : List.of(good, down, noAia, rogueSigned, slow)) {
      ca.valid(cert);
    }
    ca.revoke(revoked, revokedAt, "keyCompromise");
    trust = new TrustSet(List.of(root.cert()), List.of());
  }

  @AfterAll
  static void stop() {
    http.close();
    proxy.close();
  }

  private static Cert leaf(Pki pki, String cn, String ocspUrl) throws Exception {
    return pki.issue(spec(cn).issuer(root).eku(KeyPurposeId.id_kp_clientAuth).ocsp(ocspUrl));
  }

  private static Verdict check(RevocationPolicy policy, Cert leaf) {
    try (RevocationService service = new RevocationService(policy, null, List.of(), null)) {
      return new PathValidator(trust, TrustPolicy.DEFAULT, service)
          .validate(List.of(leaf.cert()), Purpose.CLIENT, null, Instant.now());
    }
  }

  private static RevocationPolicy ocsp() {
    return RevocationPolicy.of(RevocationMode.OCSP).withTimeout(Duration.ofSeconds(2));
  }

  @Test
  void goodCertificateIsAccepted() {
    Verdict verdict = check(ocsp(), good);
    assertTrue(verdict.accepted(), verdict::reason);
    assertEquals(List.of(), verdict.warnings());
  }

  @Test
  void revokedCertificateIsRejectedWithTimeReasonAndResponder() {
    Verdict verdict = check(ocsp(), revoked);
    assertFalse(verdict.accepted());
    assertEquals(RejectionKind.REVOKED, verdict.kind());
    assertEquals(
        "certificate CN=ocsp-revoked was revoked at 2025-03-04T05:06:07Z (keyCompromise)"
            + " according to OCSP responder "
            + http.url("/ocsp"),
        verdict.reason());
  }

  @Test
  void certificateUnknownToTheResponderIsRejectedUnderHardFail() {
    Verdict verdict = check(ocsp(), unknown);
    assertEquals(RejectionKind.REVOCATION_UNAVAILABLE, verdict.kind(), verdict.reason());
    assertTrue(verdict.reason().contains("the responder does not know serial"), verdict.reason());
  }

  @Test
  void responderDownRejectsUnderHardFailAndWarnsUnderSoftFail() {
    Verdict hard = check(ocsp(), down);
    assertEquals(RejectionKind.REVOCATION_UNAVAILABLE, hard.kind(), hard.reason());
    assertTrue(hard.reason().contains("unreachable (connection refused"), hard.reason());

    Verdict soft = check(ocsp().withSoftFail(true), down);
    assertTrue(soft.accepted(), soft::reason);
    assertEquals(1, soft.warnings().size());
    assertTrue(soft.warnings().get(0).startsWith("soft-fail: revocation status of CN=ocsp-down"));
  }

  @Test
  void revokedIsRejectedEvenUnderSoftFail() {
    assertEquals(RejectionKind.REVOKED, check(ocsp().withSoftFail(true), revoked).kind());
  }

  @Test
  void certificateWithoutAiaFollowsTheNoLocationPolicy() {
    Verdict refused = check(ocsp(), noAia);
    assertEquals(RejectionKind.REVOCATION_UNAVAILABLE, refused.kind());
    assertTrue(refused.reason().contains("names no OCSP responder (no AIA)"), refused.reason());
    assertTrue(check(ocsp().withAcceptWithoutLocation(true), noAia).accepted());
  }

  @Test
  void configuredResponderIsUsedForCertificatesWithoutAia() {
    Verdict verdict = check(ocsp().withOcspUrl(URI.create(http.url("/ocsp"))), noAia);
    assertTrue(verdict.accepted(), verdict::reason);
  }

  @Test
  void unsupportedResponderUrlIsReportedNotThrown() {
    Verdict verdict = check(ocsp().withOcspUrl(URI.create("ftp://127.0.0.1/ocsp")), noAia);
    assertEquals(RejectionKind.REVOCATION_UNAVAILABLE, verdict.kind());
    assertTrue(verdict.reason().contains("unsupported URL scheme ftp"), verdict.reason());
  }

  @Test
  void responseSignedByAnUnauthorisedResponderIsNotTrusted() {
    Verdict verdict = check(ocsp(), rogueSigned);
    assertEquals(RejectionKind.REVOCATION_UNAVAILABLE, verdict.kind());
    assertTrue(
        verdict.reason().contains("is not signed by CN=OCSP Test Root or by a responder"),
        verdict.reason());
  }

  @Test
  void answersAreCachedUntilNextUpdate() {
    try (RevocationService service = new RevocationService(ocsp(), null, List.of(), null)) {
      PathValidator validator = new PathValidator(trust, TrustPolicy.DEFAULT, service);
      int before = http.hits("/ocsp");
      for (int i = 0; i < 3; i++) {
        assertTrue(
            validator
                .validate(List.of(good.cert()), Purpose.CLIENT, null, Instant.now())
                .accepted());
      }
      assertEquals(before + 1, http.hits("/ocsp"));
      SourceHealth health = service.health().get(0);
      assertEquals("ocsp", health.kind());
      assertTrue(health.nextUpdate().isAfter(Instant.now().plus(Duration.ofMinutes(4))));
      assertTrue(health.clockSkew().abs().compareTo(Duration.ofMinutes(1)) < 0);
    }
  }

  @Test
  void requestsGoThroughTheConfiguredProxy() {
    int before = proxy.hits("proxied");
    Verdict verdict = check(ocsp().withProxy(proxy.uri()), good);
    assertTrue(verdict.accepted(), verdict::reason);
    assertEquals(before + 1, proxy.hits("proxied"));
  }

  @Test
  void aSlowResponderDelaysOnlyTheHandshakesThatNeedIt() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (RevocationService service = new RevocationService(ocsp(), null, List.of(), null)) {
      PathValidator validator = new PathValidator(trust, TrustPolicy.DEFAULT, service);
      CompletableFuture<Verdict> slowOne =
          validator.validateAsync(List.of(slow.cert()), Purpose.CLIENT, null, Instant.now(), pool);
      Thread.sleep(100);
      long start = System.nanoTime();
      Verdict fast =
          validator
              .validateAsync(List.of(good.cert()), Purpose.CLIENT, null, Instant.now(), pool)
              .get(5, TimeUnit.SECONDS);
      long fastMillis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(fast.accepted(), fast::reason);
      assertFalse(slowOne.isDone(), "the slow responder should still be pending");
      assertTrue(fastMillis < 1_500, "good certificate took " + fastMillis + " ms");
      Verdict timedOut = slowOne.get(5, TimeUnit.SECONDS);
      assertEquals(RejectionKind.REVOCATION_UNAVAILABLE, timedOut.kind());
      assertTrue(timedOut.reason().contains("timed out"), timedOut.reason());
    } finally {
      pool.shutdownNow();
    }
  }
}
