package dev.zengate.management.interfaces.rest.dto;

import dev.zengate.management.domain.notification.EmailRecipient;
import java.util.List;

/** An e-mail recipient of the expiry digests and the language of their mail. */
public record RecipientView(String address, String language) {

  static List<RecipientView> of(List<EmailRecipient> recipients) {
    return recipients.stream().map(r -> new RecipientView(r.address(), r.language())).toList();
  }
}
