package dev.zengate.gateway.expiry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.zengate.bundle.syslog.Rfc5424;
import dev.zengate.bundle.syslog.SyslogReceiver;
import dev.zengate.bundle.testsupport.Ports;
import dev.zengate.gateway.testsupport.EchoServer;
import dev.zengate.gateway.testsupport.NodeFixture;
import dev.zengate.gateway.testsupport.TestPki;
import dev.zengate.gateway.testsupport.TestPki.Issued;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node run from a file warns about its own certificates as the appliance does (manual §2.4): from
 * 30 days before expiry, one RFC 5424 message a day to node.syslog.
 */
class StandaloneExpiryTest {

  @TempDir Path dir;
  private Issued root;
  private Issued expiring;

  @BeforeEach
  void pki() throws Exception {
    TestPki pki = new TestPki(dir.resolve("pki"));
    root = pki.rootCa("root");
    expiring = pki.serverExpiringIn(root, "expiring-server", Duration.ofDays(10));
  }

  private String body(int port, int target) {
    return """
        certificates:
          server:
            chain: %s
            key: %s
        listeners:
          - name: inbound
            mode: server
            bind: 127.0.0.1:%d
            target: 127.0.0.1:%d
            downstreamTls:
              certificate: server
        """
        .formatted(expiring.certFile(), expiring.keyFile(), port, target);
  }

  private NodeFixture start(SyslogReceiver syslog, EchoServer backend) throws Exception {
    NodeFixture fixture =
        NodeFixture.start(
            dir,
            "jdk",
            "  syslog: 127.0.0.1:" + syslog.port() + "\n",
            body(Ports.free(), backend.port()));
    fixture.node.watchOwnCertificates(dir.resolve("expiry-state.json"));
    return fixture;
  }

  @Test
  void aCertificateExpiringInTenDaysIsAnnouncedBySyslogNamingIt() throws Exception {
    try (SyslogReceiver syslog = SyslogReceiver.udp();
        EchoServer backend = EchoServer.plain();
        NodeFixture node = start(syslog, backend)) {
      List<Rfc5424.Message> messages = syslog.exactly(1, 2);
      Rfc5424.Message message = messages.get(0);
      assertEquals("CERT_EXPIRING", message.msgId());
      assertEquals(16 * 8 + 4, message.facility() * 8 + message.severity(), "local0.warning");
      assertEquals("test-node", message.hostname());
      String sd = ExpiryWatch.SD_ID;
      assertEquals(
          expiring.cert().getSubjectX500Principal().getName(), message.param(sd, "subject"));
      assertEquals(expiring.cert().getSerialNumber().toString(16), message.param(sd, "serial"));
      assertEquals("9", message.param(sd, "daysLeft"), "10 days less a moment: 9 whole days");
      assertEquals("certificate server", message.param(sd, "usage"));
      assertEquals("test-node", message.param(sd, "node"));
    }
  }

  @Test
  void aRestartOnTheSameDaySendsTheDaysMessageOnlyOnce() throws Exception {
    try (SyslogReceiver syslog = SyslogReceiver.udp();
        EchoServer backend = EchoServer.plain()) {
      try (NodeFixture first = start(syslog, backend)) {
        syslog.exactly(1, 1);
      }
      try (NodeFixture again = start(syslog, backend)) {
        assertNull(syslog.take(3), "the day's message was already sent");
      }
    }
  }
}
