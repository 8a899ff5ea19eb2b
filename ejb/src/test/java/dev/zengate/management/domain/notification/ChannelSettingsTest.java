package dev.zengate.management.domain.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.management.domain.shared.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the channel settings accept, and how a pair's override combines with the global ones. */
class ChannelSettingsTest {

  @Test
  void aPairTakesEachChannelItDoesNotSetFromTheGlobalSettings() {
    ChannelSettings global =
        new ChannelSettings(
            null,
            List.of(new EmailRecipient("it@bank.example", "en")),
            "https://chat.bank.example/hook",
            5L,
            null,
            "tcp://syslog.bank.example:601",
            null);
    ChannelSettings pair =
        new ChannelSettings(
            7L, List.of(), null, null, null, "tls://syslog.dc1.example:6514", "PEM");
    ChannelSettings.Routes routes = pair.over(global);
    assertEquals(List.of(new EmailRecipient("it@bank.example", "en")), routes.emailRecipients());
    assertEquals("https://chat.bank.example/hook", routes.webhookUrl());
    assertEquals(null, routes.webhookSettingsPairId());
    assertEquals("tls://syslog.dc1.example:6514", routes.syslogTarget());
    assertEquals(7L, routes.syslogSettingsPairId());
  }

  @Test
  void recipientsAreStoredWithTheirLanguageJapaneseByDefault() {
    List<EmailRecipient> list =
        List.of(
            EmailRecipient.of("emailRecipients[0]", " ops@bank.example ", null),
            EmailRecipient.of("emailRecipients[1]", "it@bank.example", "EN"));
    assertEquals("ja:ops@bank.example,en:it@bank.example", EmailRecipient.format(list));
    assertEquals(list, EmailRecipient.parse(EmailRecipient.format(list)));
  }

  @Test
  void aBadRecipientIsRefusedNamingTheField() {
    assertTrue(
        assertThrows(
                InvalidInputException.class,
                () ->
                    EmailRecipient.of("emailRecipients[1]", "ops@bank.example\r\nBcc: x@y.z", "ja"))
            .getMessage()
            .startsWith("emailRecipients[1]: "));
    assertTrue(
        assertThrows(
                InvalidInputException.class,
                () -> EmailRecipient.of("emailRecipients[0]", "ops@bank.example", "fr"))
            .getMessage()
            .contains("is not ja or en"));
  }

  @Test
  void webhooksUseHttpsOrHttpToLoopbackOnly() {
    assertEquals(
        "https://chat.bank.example/hook",
        WebhookUrl.check("webhookUrl", "https://chat.bank.example/hook"));
    assertEquals(
        "http://127.0.0.1:8080/h", WebhookUrl.check("webhookUrl", "http://127.0.0.1:8080/h"));
    for (String bad :
        new String[] {
          "http://chat.bank.example/hook",
          "http://localhost/h",
          "ftp://x.example/",
          "https://u:p@x.example/"
        }) {
      assertTrue(
          assertThrows(InvalidInputException.class, () -> WebhookUrl.check("webhookUrl", bad))
              .getMessage()
              .startsWith("webhookUrl: "),
          bad);
    }
  }
}
