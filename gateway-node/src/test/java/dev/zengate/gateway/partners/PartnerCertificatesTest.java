package dev.zengate.gateway.partners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.bundle.PartnerCertificate;
import dev.zengate.gateway.testsupport.TestPki;
import dev.zengate.gateway.testsupport.TestPki.Issued;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartnerCertificatesTest {

  @TempDir static Path dir;
  static Issued root;
  static Issued partner;

  private Instant now = Instant.parse("2026-12-03T09:00:00Z");
  private final PartnerCertificates partners =
      new PartnerCertificates(
          new Clock() {
            @Override
            public Instant instant() {
              return now;
            }

            @Override
            public java.time.ZoneId getZone() {
              return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
              return this;
            }
          });

  @BeforeAll
  static void pki() throws Exception {
    TestPki pki = new TestPki(dir.resolve("pki"));
    root = pki.rootCa("partner-root");
    partner = pki.client(root, "partner");
  }

  private static Certificate[] chain() {
    return new Certificate[] {partner.cert(), root.cert()};
  }

  @Test
  void aCertificateSeenTwiceIsOneEntryWithFirstAndLastSeen() {
    partners.saw("inbound", PartnerCertificate.CLIENT, chain());
    now = now.plusSeconds(60);
    partners.saw("inbound", PartnerCertificate.CLIENT, chain());
    List<PartnerCertificate> all = partners.all();
    assertEquals(2, all.size(), "the leaf and the CA it sent");
    PartnerCertificate leaf = all.stream().filter(c -> c.position() == 0).findFirst().orElseThrow();
    assertEquals("2026-12-03T09:00:00Z", leaf.firstSeen());
    assertEquals("2026-12-03T09:01:00Z", leaf.lastSeen());
    assertEquals(partner.cert().getSubjectX500Principal().getName(), leaf.subject());
    assertEquals(partner.cert().getSerialNumber().toString(16), leaf.serial());
    assertEquals(64, leaf.sha256().length());
  }

  @Test
  void theSameCertificateOnTwoListenersIsTwoEntries() {
    partners.saw("inbound-a", PartnerCertificate.CLIENT, new Certificate[] {partner.cert()});
    partners.saw("inbound-b", PartnerCertificate.CLIENT, new Certificate[] {partner.cert()});
    assertEquals(2, partners.size());
  }

  @Test
  void beyondTheBoundTheCertificateSeenLongestAgoIsForgotten() {
    Certificate[] leaf = {partner.cert()};
    for (int i = 0; i <= PartnerCertificates.MAX_ENTRIES; i++) {
      partners.saw("listener-" + i, PartnerCertificate.CLIENT, leaf);
      now = now.plusMillis(1);
    }
    assertEquals(PartnerCertificates.MAX_ENTRIES, partners.size());
    assertTrue(partners.all().stream().noneMatch(c -> c.listener().equals("listener-0")));
  }

  @Test
  void whatChangedIsHandedOutOnceThenAgainOnlyWhenSeenAfterTheResendInterval() {
    partners.saw("inbound", PartnerCertificate.CLIENT, chain());
    assertEquals(2, partners.takeChanged(8).size());
    assertEquals(0, partners.takeChanged(8).size(), "nothing new");
    now = now.plusSeconds(30);
    partners.saw("inbound", PartnerCertificate.CLIENT, chain());
    assertEquals(0, partners.takeChanged(8).size(), "seen again, but within the interval");
    now = now.plus(PartnerCertificates.RESEND_AFTER);
    List<PartnerCertificate> again = partners.takeChanged(8);
    assertEquals(2, again.size());
    assertEquals("2026-12-03T09:00:30Z", again.get(0).lastSeen());
  }

  @Test
  void whatCouldNotBeSentIsHandedOutAgain() {
    partners.saw("inbound", PartnerCertificate.CLIENT, chain());
    List<PartnerCertificate> lost = partners.takeChanged(1);
    assertEquals(1, lost.size());
    partners.notHandedOut(lost);
    assertEquals(2, partners.takeChanged(8).size());
  }
}
