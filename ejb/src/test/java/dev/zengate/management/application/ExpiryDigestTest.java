package dev.zengate.management.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The digest's text: every certificate, soonest first, in the recipient's language. */
class ExpiryDigestTest {

  private static CertificateNotification due(long id, String cn, int days, String notAfter) {
    return new CertificateNotification(
        id,
        "ab".repeat(32),
        id,
        3L,
        "tokyo-dc1",
        days,
        "CN=" + cn,
        "1a2b",
        Instant.parse(notAfter),
        days,
        "pair tokyo-dc1: virtual server zengin-inbound: server certificate",
        "…",
        Instant.parse("2026-12-03T00:00:00Z"));
  }

  private static final List<CertificateNotification> DUE =
      List.of(
          due(1, "later.example", 29, "2027-01-01T09:00:00Z"),
          due(2, "sooner.example", 1, "2026-12-04T09:00:00Z"),
          due(3, "gone.example", -1, "2026-12-02T09:00:00Z"));

  @Test
  void japaneseIsTheDefaultAndListsEachCertificateSoonestFirst() {
    ExpiryDigest digest = ExpiryDigest.render("ja", DUE);
    assertEquals("[Zengate] 証明書の有効期限切れ・期限間近 (3 件)", digest.subject());
    String body = digest.body();
    assertTrue(body.contains("証明書を 3 件検出しました"), body);
    assertTrue(
        body.indexOf("CN=gone.example") < body.indexOf("CN=sooner.example")
            && body.indexOf("CN=sooner.example") < body.indexOf("CN=later.example"),
        body);
    assertTrue(body.contains("   ペア: tokyo-dc1\n"), body);
    assertTrue(body.contains("   使用箇所: pair tokyo-dc1: virtual server zengin-inbound"), body);
    assertTrue(body.contains("   有効期限 (notAfter): 2027-01-01T09:00:00Z\n"), body);
    assertTrue(body.contains("   残り日数: 29 日\n"), body);
    assertTrue(body.contains("   残り日数: 期限切れ (1 日経過)\n"), body);
  }

  @Test
  void englishSaysTheSameInEnglish() {
    ExpiryDigest digest = ExpiryDigest.render("en", DUE.subList(0, 2));
    assertEquals("[Zengate] Certificates expiring soon (2)", digest.subject());
    assertTrue(digest.body().contains("found 2 certificates expiring soon or expired"));
    assertTrue(digest.body().contains("   Pair: tokyo-dc1\n"));
    assertTrue(digest.body().contains("   Days left: 1 day\n"));
    assertTrue(digest.body().contains("   Days left: 29 days\n"));
    assertTrue(digest.body().contains("   Expires (notAfter): 2026-12-04T09:00:00Z\n"));
  }
}
