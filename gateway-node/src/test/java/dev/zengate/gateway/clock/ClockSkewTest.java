package dev.zengate.gateway.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zengate.bundle.settings.SntpResponder;
import dev.zengate.bundle.syslog.Rfc5424;
import dev.zengate.bundle.syslog.SyslogReceiver;
import dev.zengate.gateway.testsupport.NodeFixture;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node from a file checks its clock against node.ntpServers at start. */
class ClockSkewTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void aClockBeyondTwoSecondsIsReportedSkewedInStatusAndToSyslog() throws Exception {
    try (SntpResponder time = SntpResponder.ahead(Duration.ofSeconds(5));
        SyslogReceiver syslog = SyslogReceiver.udp();
        NodeFixture fixture =
            NodeFixture.start(
                dir,
                "jdk",
                "  ntpServers: [\""
                    + time.address()
                    + "\"]\n  syslog: 127.0.0.1:"
                    + syslog.port()
                    + "\n",
                "")) {
      JsonNode clock = awaitClock(fixture, "skewed");
      long offset = clock.get("offsetMillis").asLong();
      assertTrue(offset > 4_900 && offset < 5_100, clock.toString());
      assertEquals(time.address(), clock.get("server").asText());
      Rfc5424.Message message = syslog.take(10);
      assertNotNull(message, "no CLOCK_SKEW message");
      assertEquals("CLOCK_SKEW", message.msgId());
      assertEquals("test-node", message.hostname());
      assertEquals(time.address(), message.param("zengateNode@32473", "server"));
    }
  }

  @Test
  void aClockWithinTheThresholdIsOkAndSettingsShowInStatus() throws Exception {
    try (SntpResponder time = SntpResponder.ahead(Duration.ofMillis(300));
        NodeFixture fixture =
            NodeFixture.start(
                dir,
                "jdk",
                "  ntpServers: [\"" + time.address() + "\"]\n  dnsServers: [\"127.0.0.1:5353\"]\n",
                "")) {
      awaitClock(fixture, "ok");
      JsonNode settings = JSON.readTree(fixture.admin("GET", "/status").body()).get("settings");
      assertEquals(time.address(), settings.get("ntpServers").get(0).asText());
      assertEquals("127.0.0.1:5353", settings.get("dnsServers").get(0).asText());
    }
  }

  @Test
  void noAnswerFromAnyServerIsUnreachable() throws Exception {
    try (java.net.DatagramSocket silent =
            new java.net.DatagramSocket(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
        NodeFixture fixture =
            NodeFixture.start(
                dir, "jdk", "  ntpServers: [\"127.0.0.1:" + silent.getLocalPort() + "\"]\n", "")) {
      JsonNode clock = awaitClock(fixture, "unreachable");
      assertTrue(clock.get("error").asText().contains("no answer"), clock.toString());
    }
  }

  private static JsonNode awaitClock(NodeFixture fixture, String state) throws Exception {
    JsonNode clock = null;
    for (int i = 0; i < 100; i++) {
      clock = JSON.readTree(fixture.admin("GET", "/status").body()).get("clock");
      if (state.equals(clock.get("state").asText())) {
        return clock;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("clock never " + state + ": " + clock);
  }
}
