package dev.zengate.management.testsupport;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.subethamail.smtp.server.SMTPServer;

/**
 * A real SMTP server (SubEtha SMTP) on 127.0.0.1 in the test JVM: STARTTLS required (every command
 * before it is refused with 530) or SMTPS, with a certificate of the test CA. Every message
 * received is parsed as MIME and queued.
 */
public final class SmtpTestServer implements AutoCloseable {

  /** A message as received: envelope recipient and the parsed MIME message. */
  public record Received(String to, MimeMessage message) {}

  private final SMTPServer server;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

  private SmtpTestServer(SSLContext tls, boolean smtps, int port) {
    SMTPServer.Builder builder =
        SMTPServer.port(port)
            .bindAddress(InetAddress.getLoopbackAddress())
            .hostName("127.0.0.1")
            .messageHandler(
                (context, from, to, data) -> {
                  try {
                    received.add(
                        new Received(
                            to,
                            new MimeMessage(
                                Session.getInstance(new Properties()),
                                new ByteArrayInputStream(data))));
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });
    if (smtps) {
      builder.serverSocketFactory(tls);
    } else {
      builder.enableTLS().requireTLS().startTlsSocketFactory(tls);
    }
    server = builder.build();
    server.start();
  }

  /** STARTTLS required, on any free port (0) or the given one. */
  public static SmtpTestServer startTls(SSLContext tls, int port) {
    return new SmtpTestServer(tls, false, port);
  }

  public static SmtpTestServer smtps(SSLContext tls, int port) {
    return new SmtpTestServer(tls, true, port);
  }

  public int port() {
    return server.getPortAllocated();
  }

  /** The next message within {@code seconds}, or null. */
  public Received take(int seconds) throws InterruptedException {
    return received.poll(seconds, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    server.stop();
  }
}
