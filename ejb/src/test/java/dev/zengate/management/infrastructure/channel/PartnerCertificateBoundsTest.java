package dev.zengate.management.infrastructure.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.bundle.PartnerCertificate;
import dev.zengate.bundle.channel.ChannelMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class PartnerCertificateBoundsTest {

  private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

  private static PartnerCertificate seen() {
    return new PartnerCertificate(
        "zengin-inbound",
        "client",
        0,
        "a".repeat(64),
        "CN=Partner Bank",
        "CN=Partner CA",
        "1a2b",
        "2026-01-01T00:00:00Z",
        "2027-01-01T00:00:00Z",
        "2026-12-03T08:00:00Z",
        "2026-12-03T08:59:00Z");
  }

  private static PartnerCertificate with(UnaryOperator<String[]> change) {
    PartnerCertificate c = seen();
    String[] f = {
      c.listener(), c.peerRole(), c.sha256(), c.subject(), c.issuer(), c.serial(), c.notAfter()
    };
    f = change.apply(f);
    return new PartnerCertificate(
        f[0], f[1], 0, f[2], f[3], f[4], f[5], c.notBefore(), f[6], c.firstSeen(), c.lastSeen());
  }

  @Test
  void aWellFormedSightingIsKeptAsReported() {
    assertEquals(
        List.of(seen()), PartnerCertificateBounds.check(List.of(seen()), NOW).orElseThrow());
  }

  @Test
  void aSightingDatedInTheFutureIsDatedNow() {
    PartnerCertificate c = seen();
    PartnerCertificate future =
        new PartnerCertificate(
            c.listener(),
            c.peerRole(),
            0,
            c.sha256(),
            c.subject(),
            c.issuer(),
            c.serial(),
            c.notBefore(),
            c.notAfter(),
            "2099-01-01T00:00:00Z",
            "2099-01-01T00:00:00Z");
    PartnerCertificate kept =
        PartnerCertificateBounds.check(List.of(future), NOW).orElseThrow().get(0);
    assertEquals(NOW.toString(), kept.lastSeen());
    assertEquals(NOW.toString(), kept.firstSeen());
  }

  @Test
  void oneMalformedEntryRefusesTheWholeMessage() {
    List<UnaryOperator<String[]>> bad = new ArrayList<>();
    bad.add(f -> set(f, 0, ""));
    bad.add(f -> set(f, 0, "x".repeat(101)));
    bad.add(f -> set(f, 1, "proxy"));
    bad.add(f -> set(f, 2, "not-a-hash"));
    bad.add(f -> set(f, 3, "x".repeat(PartnerCertificate.MAX_NAME_LENGTH + 1)));
    bad.add(f -> set(f, 4, null));
    bad.add(f -> set(f, 5, "-12"));
    bad.add(f -> set(f, 6, "next year"));
    for (UnaryOperator<String[]> change : bad) {
      assertTrue(
          PartnerCertificateBounds.check(List.of(seen(), with(change)), NOW).isEmpty(),
          String.join(",", change.apply(fields())));
    }
  }

  @Test
  void moreEntriesThanAMessageMayCarryAreRefused() {
    List<PartnerCertificate> many =
        Collections.nCopies(ChannelMessage.MAX_PARTNER_CERTIFICATES + 1, seen());
    assertTrue(PartnerCertificateBounds.check(many, NOW).isEmpty());
    assertTrue(PartnerCertificateBounds.check(List.of(), NOW).isEmpty());
  }

  private static String[] fields() {
    PartnerCertificate c = seen();
    return new String[] {
      c.listener(), c.peerRole(), c.sha256(), c.subject(), c.issuer(), c.serial(), c.notAfter()
    };
  }

  private static String[] set(String[] f, int i, String value) {
    String[] copy = f.clone();
    copy[i] = value;
    return copy;
  }
}
