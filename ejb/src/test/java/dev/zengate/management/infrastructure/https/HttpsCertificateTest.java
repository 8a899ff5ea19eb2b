package dev.zengate.management.infrastructure.https;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.management.domain.shared.InvalidInputException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpsCertificateTest {

  private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1");

  @TempDir Path dir;

  @Test
  void aGeneratedCertificateIsReissuedAMonthBeforeItEnds() {
    Instant now = Instant.now();
    HttpsCertificate current = HttpsCertificate.generated(dir, LOOPBACK, now);

    Instant nearTheEnd =
        current.chain().get(0).getNotAfter().toInstant().minus(Duration.ofDays(29));
    HttpsCertificate renewed = HttpsCertificate.generated(dir, LOOPBACK, nearTheEnd);

    assertNotEquals(current.fingerprint(), renewed.fingerprint());
    assertEquals(current.chain().get(1), renewed.chain().get(1), "same CA");
  }

  @Test
  void anExpiredOperatorCertificateIsRefusedWithItsDate() {
    HttpsCertificate.generated(dir, LOOPBACK, Instant.now());
    Instant later = Instant.now().plus(Duration.ofDays(400));

    InvalidInputException refused =
        assertThrows(
            InvalidInputException.class,
            () ->
                HttpsCertificate.fromFiles(
                    dir.resolve("server.crt"), dir.resolve("server.key"), later));
    assertTrue(refused.getMessage().contains("expired on"), refused.getMessage());
  }
}
