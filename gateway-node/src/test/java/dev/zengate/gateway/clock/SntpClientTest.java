package dev.zengate.gateway.clock;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.bundle.settings.SntpResponder;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SntpClientTest {

  private final SntpClient client = new SntpClient(Clock.systemUTC());

  @Test
  void measuresHowFarTheServersClockIsAhead() throws Exception {
    try (SntpResponder server = SntpResponder.ahead(Duration.ofSeconds(5))) {
      SntpClient.Reading reading =
          client.query(new InetSocketAddress("127.0.0.1", server.port()), Duration.ofSeconds(2));
      long offset = reading.offset().toMillis();
      assertTrue(offset > 4_900 && offset < 5_100, "offset " + offset);
    }
  }

  @Test
  void measuresAServerBehindAsANegativeOffset() throws Exception {
    try (SntpResponder server = SntpResponder.ahead(Duration.ofSeconds(-3))) {
      long offset =
          client
              .query(new InetSocketAddress("127.0.0.1", server.port()), Duration.ofSeconds(2))
              .offset()
              .toMillis();
      assertTrue(offset < -2_900 && offset > -3_100, "offset " + offset);
    }
  }

  @Test
  void aSilentServerIsAnErrorAfterTheTimeout() throws Exception {
    try (DatagramSocket silent =
        new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      IOException e =
          assertThrows(
              IOException.class,
              () ->
                  client.query(
                      new InetSocketAddress("127.0.0.1", silent.getLocalPort()),
                      Duration.ofMillis(300)));
      assertTrue(e.getMessage().contains("no answer"), e.getMessage());
    }
  }

  @Test
  void timestampsSurviveTheNtpFormat() {
    java.time.Instant now = java.time.Instant.parse("2026-12-03T09:00:00.123456Z");
    java.time.Instant back = SntpClient.instant(SntpClient.timestamp(now), 0);
    assertTrue(Duration.between(now, back).abs().toNanos() < 1_000, back.toString());
  }
}
