package dev.zengate.management.infrastructure.notify;

import dev.zengate.management.domain.notification.SmtpSecurity;
import dev.zengate.management.domain.notification.SmtpServer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Properties;

/**
 * Sends mail through the configured SMTP server with Jakarta Mail (Angus Mail, which Payara ships):
 * STARTTLS required or SMTPS, the server's certificate chained to the configured CAs and its name
 * checked, timeouts so a silent server does not hold the watch.
 */
public final class SmtpMailer {

  private static final String TIMEOUT_MILLIS = "10000";

  private SmtpMailer() {}

  public static void send(SmtpServer server, String password, MailMessage mail)
      throws MessagingException {
    boolean smtps = server.security() == SmtpSecurity.SMTPS;
    String protocol = smtps ? "smtps" : "smtp";
    String p = "mail." + protocol + ".";
    Properties props = new Properties();
    props.put(p + "host", server.host());
    props.put(p + "port", Integer.toString(server.port()));
    props.put(p + "connectiontimeout", TIMEOUT_MILLIS);
    props.put(p + "timeout", TIMEOUT_MILLIS);
    props.put(p + "writetimeout", TIMEOUT_MILLIS);
    props.put(p + "ssl.socketFactory", TrustedTls.context(server.caPem()).getSocketFactory());
    props.put(p + "ssl.checkserveridentity", "true");
    props.put(p + "ssl.protocols", String.join(" ", TrustedTls.PROTOCOLS));
    if (!smtps) {
      props.put(p + "starttls.enable", "true");
      props.put(p + "starttls.required", "true");
    }
    boolean auth = server.username() != null;
    props.put(p + "auth", Boolean.toString(auth));
    props.put("mail.transport.protocol", protocol);
    Session session = Session.getInstance(props);
    MimeMessage message = new FixedIdMessage(session, mail.messageId());
    message.setFrom(new InternetAddress(server.from()));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to()));
    message.setSubject(mail.subject(), "UTF-8");
    message.setText(mail.body(), "UTF-8");
    message.setSentDate(new Date());
    message.saveChanges();
    try (Transport transport = session.getTransport(protocol)) {
      if (auth) {
        transport.connect(server.host(), server.port(), server.username(), password);
      } else {
        transport.connect();
      }
      transport.sendMessage(message, message.getAllRecipients());
    }
  }

  /** A MimeMessage whose Message-ID is ours rather than generated at saveChanges(). */
  private static final class FixedIdMessage extends MimeMessage {
    private final String id;

    FixedIdMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }
}
