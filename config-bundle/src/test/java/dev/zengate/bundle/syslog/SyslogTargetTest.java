package dev.zengate.bundle.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SyslogTargetTest {

  @Test
  void hostPortIsUdpAsTheApplianceSendsAndTcpIsNamed() {
    SyslogTarget udp = SyslogTarget.parse("syslog target", "syslog.bank.example:514");
    assertEquals(new SyslogTarget(SyslogTarget.Transport.UDP, "syslog.bank.example", 514), udp);
    assertEquals("syslog.bank.example:514", udp.toString());
    assertEquals(
        "syslog.bank.example:514",
        SyslogTarget.parse("syslog target", "UDP://syslog.bank.example:514").toString());
    SyslogTarget tcp = SyslogTarget.parse("syslog target", " tcp://[2001:db8::1]:6514 ");
    assertEquals(SyslogTarget.Transport.TCP, tcp.transport());
    assertEquals("2001:db8::1", tcp.host());
    assertEquals("tcp://[2001:db8::1]:6514", tcp.toString());
  }

  @Test
  void tlsIsRfc5425SyslogNamedByItsScheme() {
    SyslogTarget tls = SyslogTarget.parse("syslog target", "TLS://syslog.bank.example:6514");
    assertEquals(SyslogTarget.Transport.TLS, tls.transport());
    assertEquals("tls://syslog.bank.example:6514", tls.toString());
  }

  @Test
  void refusesWhatIsNotATarget() {
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> SyslogTarget.parse("syslog target", "syslog.bank.example:70000"))
            .getMessage()
            .contains("port 70000 is out of range 1-65535"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> SyslogTarget.parse("syslog target", "dtls://syslog.bank.example:6514"))
            .getMessage()
            .contains("udp://, tcp:// or tls://"));
    for (String bad : new String[] {"syslog.bank.example", ":514", "tcp://", "a b:514", "[x:514"}) {
      assertThrows(
          IllegalArgumentException.class, () -> SyslogTarget.parse("syslog target", bad), bad);
    }
  }
}
