package dev.zengate.management.infrastructure.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.bundle.syslog.SyslogMessage;
import dev.zengate.bundle.syslog.SyslogSender;
import dev.zengate.bundle.syslog.SyslogTarget;
import dev.zengate.management.infrastructure.notify.TrustedTls;
import dev.zengate.management.testsupport.LoopbackTls;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/** RFC 5425: an octet-counted RFC 5424 message inside TLS, to a server of the configured CA. */
class SyslogSenderTlsTest {

  private static final LoopbackTls TLS = LoopbackTls.loopback();

  private static SyslogMessage message() {
    return new SyslogMessage(
        SyslogMessage.LOCAL0,
        SyslogMessage.WARNING,
        Instant.parse("2027-01-01T00:00:00Z"),
        "mgmt-1",
        "zengate",
        "CERT_EXPIRING",
        "zengateCert@32473",
        Map.of("daysLeft", "29"),
        "証明書の期限が近い");
  }

  @Test
  void sendsOneOctetCountedFrameOverTls() throws Exception {
    try (SSLServerSocket server = listen(TLS)) {
      CompletableFuture<byte[]> frame = CompletableFuture.supplyAsync(() -> readFrame(server));
      SyslogSender.send(target(server), TrustedTls.context(TLS.caPem()), message());
      byte[] got = frame.get(10, TimeUnit.SECONDS);
      byte[] expected = message().bytes();
      String text = new String(got, StandardCharsets.UTF_8);
      assertTrue(text.startsWith(expected.length + " <132>1 2027-01-01T00:00:00Z mgmt-1"), text);
      assertEquals(
          expected.length + 1 + Integer.toString(expected.length).length(), got.length, text);
    }
  }

  @Test
  void refusesAServerOfAnotherCa() throws Exception {
    LoopbackTls other = LoopbackTls.forHosts("Another CA", "127.0.0.1");
    try (SSLServerSocket server = listen(other)) {
      CompletableFuture.runAsync(() -> readFrame(server));
      assertThrows(
          javax.net.ssl.SSLHandshakeException.class,
          () -> SyslogSender.send(target(server), TrustedTls.context(TLS.caPem()), message()));
    }
  }

  private static SyslogTarget target(SSLServerSocket server) {
    return new SyslogTarget(SyslogTarget.Transport.TLS, "127.0.0.1", server.getLocalPort());
  }

  private static SSLServerSocket listen(LoopbackTls tls) throws IOException {
    return (SSLServerSocket)
        tls.serverContext()
            .getServerSocketFactory()
            .createServerSocket(0, 1, InetAddress.getLoopbackAddress());
  }

  /** Everything the client sent before closing: one frame. */
  private static byte[] readFrame(SSLServerSocket server) {
    try (SSLSocket socket = (SSLSocket) server.accept()) {
      socket.setSoTimeout(10_000);
      DataInputStream in = new DataInputStream(socket.getInputStream());
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      byte[] buffer = new byte[4096];
      for (int n; (n = in.read(buffer)) > 0; ) {
        all.write(buffer, 0, n);
      }
      return all.toByteArray();
    } catch (IOException e) {
      return new byte[0];
    }
  }
}
