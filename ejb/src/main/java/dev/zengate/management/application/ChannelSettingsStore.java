package dev.zengate.management.application;

import dev.zengate.management.domain.notification.ChannelSettings;
import dev.zengate.management.domain.notification.EmailRecipient;
import dev.zengate.management.domain.notification.SmtpSecurity;
import dev.zengate.management.domain.notification.SmtpServer;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the channels' settings: global (certificate_watch_settings) and per pair. */
final class ChannelSettingsStore {

  private ChannelSettingsStore() {}

  static ChannelSettings global(EntityManager em) {
    Object[] r =
        (Object[])
            em.createNativeQuery(
                    "SELECT email_recipients, webhook_url, webhook_secret_id, webhook_ca_pem,"
                        + " syslog_target, syslog_ca_pem FROM certificate_watch_settings"
                        + " WHERE id = 1")
                .getSingleResult();
    return settings(null, r);
  }

  /** Every pair's own channels (empty fields: the global ones), by pair id. */
  static Map<Long, ChannelSettings> pairs(EntityManager em) {
    Map<Long, ChannelSettings> pairs = new HashMap<>();
    for (Object o :
        em.createNativeQuery(
                "SELECT pair_id, email_recipients, webhook_url, webhook_secret_id, webhook_ca_pem,"
                    + " syslog_target, syslog_ca_pem FROM pair_settings")
            .getResultList()) {
      Object[] r = (Object[]) o;
      long pairId = ((Number) r[0]).longValue();
      pairs.put(pairId, settings(pairId, java.util.Arrays.copyOfRange(r, 1, r.length)));
    }
    return pairs;
  }

  /** The settings of one scope: a pair's, or the global ones (null). */
  static ChannelSettings of(EntityManager em, Long pairId) {
    return pairId == null ? global(em) : pairs(em).getOrDefault(pairId, ChannelSettings.NONE);
  }

  static Optional<SmtpServer> smtp(EntityManager em) {
    Object[] r =
        (Object[])
            em.createNativeQuery(
                    "SELECT smtp_host, smtp_port, smtp_security, smtp_username, smtp_password_id,"
                        + " smtp_from, smtp_ca_pem FROM certificate_watch_settings WHERE id = 1")
                .getSingleResult();
    if (r[0] == null) {
      return Optional.empty();
    }
    return Optional.of(
        new SmtpServer(
            (String) r[0],
            ((Number) r[1]).intValue(),
            SmtpSecurity.valueOf((String) r[2]),
            (String) r[3],
            r[4] == null ? null : ((Number) r[4]).longValue(),
            (String) r[5],
            (String) r[6]));
  }

  private static ChannelSettings settings(Long pairId, Object[] r) {
    List<EmailRecipient> recipients = EmailRecipient.parse((String) r[0]);
    return new ChannelSettings(
        pairId,
        recipients,
        (String) r[1],
        r[2] == null ? null : ((Number) r[2]).longValue(),
        (String) r[3],
        (String) r[4],
        (String) r[5]);
  }
}
