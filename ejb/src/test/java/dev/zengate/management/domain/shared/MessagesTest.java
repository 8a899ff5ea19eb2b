package dev.zengate.management.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MessagesTest {

  private static Properties bundle(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        MessagesTest.class.getResourceAsStream("/dev/zengate/management/domain/" + name)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }

  @Test
  void japaneseAndEnglishHoldTheSameKeys() throws IOException {
    assertEquals(
        new TreeSet<>(bundle("Messages.properties").stringPropertyNames()),
        new TreeSet<>(bundle("Messages_ja.properties").stringPropertyNames()));
  }

  @Test
  void aRefusalIsWordedInTheAskedLanguageWithItsFieldsLabel() {
    InvalidInputException refused =
        InvalidInputException.at("bindPort", "port.outOfRange", Message.label("bindPort"), 70000);
    assertEquals("bind port 70000 is out of range 1-65535", refused.getMessage());
    assertEquals("待ち受けポート 70000 は範囲外です（1～65535）", refused.detail(Locale.JAPANESE));
    assertEquals("bindPort", refused.field());
  }

  @Test
  void anApostropheInAMessageIsKept() {
    assertEquals(
        "protocol 'TLSv1' is not allowed here: use TLSv1.2 and/or TLSv1.3",
        new Message("protocol.notAllowed", "TLSv1").render(Locale.ENGLISH));
  }

  @Test
  void aRowOfATableIsNamedAroundTheRowsOwnRefusal() {
    InvalidInputException row =
        InvalidInputException.at("destination", "rule.notBlock", Message.label("destination"), "x");
    InvalidInputException table = row.within("clientCertificateRules", "rule.invalid", 2);
    assertEquals(
        "client certificate rule 2: destination 'x' is not 'any', an IP address or a CIDR block",
        table.getMessage());
    assertEquals("clientCertificateRules", table.field());
  }

  @Test
  void aPlainRefusalHasNoFieldAndTheSameWordsInEveryLanguage() {
    InvalidInputException plain = new InvalidInputException("no");
    assertNull(plain.field());
    assertEquals("no", plain.detail(Locale.JAPANESE));
  }
}
