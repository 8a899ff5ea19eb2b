package dev.zengate.bundle.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server's RFC 5424 messages against the test's strict parser, and the parser on bad input. */
class Rfc5424Test {

  private static SyslogMessage message(String subject, String text) {
    Map<String, String> sd = new LinkedHashMap<>();
    sd.put("subject", subject);
    sd.put("daysLeft", "29");
    return new SyslogMessage(
        SyslogMessage.LOCAL0,
        SyslogMessage.WARNING,
        Instant.parse("2026-12-03T09:00:00.123456789Z"),
        "mgmt 1",
        "zengate",
        "CERT_EXPIRING",
        "zengateCert@32473",
        sd,
        text);
  }

  @Test
  void theServersMessagesParseWithEscapesAndUtf8() {
    Rfc5424.Message parsed = Rfc5424.parse(message("CN=\"quoted\\]\",O=全銀", "証明書 expires").bytes());
    assertEquals(16, parsed.facility());
    assertEquals(4, parsed.severity());
    assertEquals("2026-12-03T09:00:00.123456Z", parsed.timestamp());
    assertEquals("mgmt1", parsed.hostname(), "a space is not PRINTUSASCII");
    assertEquals("zengate", parsed.appName());
    assertEquals("-", parsed.procId());
    assertEquals("CERT_EXPIRING", parsed.msgId());
    assertEquals("CN=\"quoted\\]\",O=全銀", parsed.param("zengateCert@32473", "subject"));
    assertEquals("29", parsed.param("zengateCert@32473", "daysLeft"));
    assertEquals("証明書 expires", parsed.msg());
    assertTrue(parsed.utf8());
  }

  @Test
  void octetCountingFramesMessagesBackToBack() {
    byte[] one = message("CN=a", "first").octetCounted();
    byte[] two = message("CN=b", "second").octetCounted();
    byte[] stream = new byte[one.length + two.length];
    System.arraycopy(one, 0, stream, 0, one.length);
    System.arraycopy(two, 0, stream, one.length, two.length);
    List<byte[]> frames = Rfc5424.octetCountedFrames(stream);
    assertEquals(2, frames.size());
    assertEquals("second", Rfc5424.parse(frames.get(1)).msg());
    assertThrows(
        Rfc5424.Malformed.class,
        () -> Rfc5424.octetCountedFrames(java.util.Arrays.copyOf(stream, stream.length - 1)));
  }

  @Test
  void theParserRefusesWhatTheGrammarDoesNotAllow() {
    for (String bad :
        List.of(
            "<192>1 - - - - - -",
            "<13>2 - - - - - -",
            "<13>1 2026-12-03 09:00:00Z - - - - -",
            "<13>1 2026-12-03T09:00:00.1234567Z - - - - -",
            "<13>1 - - - - - [id a=\"unclosed]",
            "<13>1 - - - - - [id a=\"x]y\"]",
            "<13>1 - - - - - [id a=b]",
            "<13>1 - - - - -",
            "<13>1 - - - - - [a=b]",
            "13>1 - - - - - -")) {
      assertThrows(
          Rfc5424.Malformed.class, () -> Rfc5424.parse(bad.getBytes(StandardCharsets.UTF_8)), bad);
    }
    byte[] badUtf8 = {
      '<',
      '1',
      '3',
      '>',
      '1',
      ' ',
      '-',
      ' ',
      '-',
      ' ',
      '-',
      ' ',
      '-',
      ' ',
      '-',
      ' ',
      '-',
      ' ',
      (byte) 0xEF,
      (byte) 0xBB,
      (byte) 0xBF,
      (byte) 0xC3,
      (byte) 0x28
    };
    assertThrows(Rfc5424.Malformed.class, () -> Rfc5424.parse(badUtf8));
    assertEquals("x", Rfc5424.parse("<13>1 - - - - - - x".getBytes(StandardCharsets.UTF_8)).msg());
  }
}
