package dev.zengate.management.infrastructure.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.management.domain.notification.SmtpSecurity;
import dev.zengate.management.domain.notification.SmtpServer;
import dev.zengate.management.testsupport.LoopbackTls;
import dev.zengate.management.testsupport.SmtpTestServer;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.Test;

/** Mail through a real SMTP server on loopback: STARTTLS required, SMTPS, and what must fail. */
class SmtpMailerTest {

  private static final LoopbackTls TLS = LoopbackTls.loopback();

  private static SmtpServer server(int port, SmtpSecurity security, String caPem) {
    return new SmtpServer("127.0.0.1", port, security, null, null, "zengate@bank.example", caPem);
  }

  private static MailMessage mail() {
    return new MailMessage(
        "ops@bank.example", "[Zengate] 証明書の有効期限", "残り 29 日\n", "<digest-1@zengate.invalid>");
  }

  @Test
  void sendsOverStartTlsToAServerWhoseCertificateChainsToTheConfiguredCa() throws Exception {
    try (SmtpTestServer smtp = SmtpTestServer.startTls(TLS.serverContext(), 0)) {
      SmtpMailer.send(server(smtp.port(), SmtpSecurity.STARTTLS, TLS.caPem()), null, mail());
      SmtpTestServer.Received got = smtp.take(5);
      assertNotNull(got);
      assertEquals("ops@bank.example", got.to());
      assertEquals("[Zengate] 証明書の有効期限", got.message().getSubject());
      assertEquals("<digest-1@zengate.invalid>", got.message().getMessageID());
      assertTrue(got.message().getContent().toString().contains("残り 29 日"));
    }
  }

  @Test
  void sendsOverSmtps() throws Exception {
    try (SmtpTestServer smtp = SmtpTestServer.smtps(TLS.serverContext(), 0)) {
      SmtpMailer.send(server(smtp.port(), SmtpSecurity.SMTPS, TLS.caPem()), null, mail());
      assertNotNull(smtp.take(5));
    }
  }

  @Test
  void refusesAServerCertificateOfAnotherCa() throws Exception {
    LoopbackTls other = LoopbackTls.forHosts("Another CA", "127.0.0.1");
    try (SmtpTestServer smtp = SmtpTestServer.startTls(other.serverContext(), 0)) {
      MessagingException e =
          assertThrows(
              MessagingException.class,
              () ->
                  SmtpMailer.send(
                      server(smtp.port(), SmtpSecurity.STARTTLS, TLS.caPem()), null, mail()));
      assertTrue(
          String.valueOf(e.getCause()).contains("PKIX") || String.valueOf(e).contains("PKIX"),
          e.toString());
    }
  }

  @Test
  void refusesACertificateForAnotherName() throws Exception {
    LoopbackTls wrongName = LoopbackTls.forHosts("Zengate test CA", "mail.other.example");
    try (SmtpTestServer smtp = SmtpTestServer.startTls(wrongName.serverContext(), 0)) {
      assertThrows(
          MessagingException.class,
          () ->
              SmtpMailer.send(
                  server(smtp.port(), SmtpSecurity.STARTTLS, wrongName.caPem()), null, mail()));
      assertEquals(null, smtp.take(1));
    }
  }
}
