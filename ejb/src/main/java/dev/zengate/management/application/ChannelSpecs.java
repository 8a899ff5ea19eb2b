package dev.zengate.management.application;

import dev.zengate.bundle.syslog.SyslogTarget;
import dev.zengate.management.domain.notification.EmailRecipient;
import dev.zengate.management.domain.notification.WebhookUrl;
import dev.zengate.management.domain.shared.InvalidInputException;
import dev.zengate.management.infrastructure.notify.TrustedTls;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the channel fields that the global and the pair settings share, each error naming its API
 * field; blank means "none" (in a pair: the global one).
 */
final class ChannelSpecs {

  private ChannelSpecs() {}

  static List<EmailRecipient> recipients(List<RecipientSpec> given) {
    List<EmailRecipient> recipients = new ArrayList<>();
    if (given != null) {
      for (int i = 0; i < given.size(); i++) {
        RecipientSpec r = given.get(i);
        String field = "emailRecipients[" + i + "]";
        if (r == null) {
          throw new dev.zengate.management.domain.shared.InvalidInputException(
              field + ": a recipient is {\"address\": …, \"language\": \"ja\"|\"en\"}");
        }
        recipients.add(EmailRecipient.of(field, r.address(), r.language()));
      }
    }
    return EmailRecipient.distinct("emailRecipients", recipients);
  }

  static String webhookUrl(String given) {
    return blank(given) ? null : WebhookUrl.check("webhookUrl", given);
  }

  static String syslogTarget(String given) {
    if (blank(given)) {
      return null;
    }
    try {
      // The nodes' rule (SyslogTarget is shared), naming the field as the other channels do.
      return SyslogTarget.parse("syslogTarget", given).toString();
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage());
    }
  }

  static String caPem(String field, String given) {
    return blank(given) ? null : TrustedTls.checkCas(field, given);
  }

  static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
