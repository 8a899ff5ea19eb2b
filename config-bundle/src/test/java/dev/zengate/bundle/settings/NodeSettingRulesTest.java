package dev.zengate.bundle.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeSettingRulesTest {

  @Test
  void timeServersAreNamesOrAddressesWithPort123ByDefault() {
    assertEquals(
        new NodeSettingRules.Endpoint("ntp.nict.jp", 123),
        NodeSettingRules.ntpServer("ntp.nict.jp"));
    assertEquals(
        new NodeSettingRules.Endpoint("2001:db8::1", 1123),
        NodeSettingRules.ntpServer("[2001:db8::1]:1123"));
    for (String bad : new String[] {"", "a b", "ntp.example:0", "[2001:db8::1", "-bad.example"}) {
      assertThrows(IllegalArgumentException.class, () -> NodeSettingRules.ntpServer(bad), bad);
    }
  }

  @Test
  void dnsServersAreAddressLiteralsOnly() {
    assertEquals(53, NodeSettingRules.dnsServer("192.0.2.53").getPort());
    assertEquals(5353, NodeSettingRules.dnsServer("[2001:db8::53]:5353").getPort());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> NodeSettingRules.dnsServer("dns.example"));
    assertTrue(e.getMessage().contains("'dns.example' is not an IP address"), e.getMessage());
  }

  @Test
  void theHttpProxyNeedsSchemeHostAndPort() {
    assertEquals(
        "http://proxy.example:8080", NodeSettingRules.httpProxy("http://proxy.example:8080"));
    assertThrows(IllegalArgumentException.class, () -> NodeSettingRules.httpProxy("proxy:8080"));
    assertThrows(
        IllegalArgumentException.class, () -> NodeSettingRules.httpProxy("https://proxy:8443"));
  }

  @Test
  void theBundleSectionHoldsOnlyWhatIsSetUnderTheNodesKeys() {
    NodeSettings settings =
        new NodeSettings(null, List.of("192.0.2.53"), List.of("ntp.example"), "tcp://log:6514")
            .checked();
    assertEquals(
        Map.of(
            "dnsServers", List.of("192.0.2.53"),
            "ntpServers", List.of("ntp.example"),
            "syslog", "tcp://log:6514"),
        settings.nodeSection());
  }

  @Test
  void aBadEntryAnywhereIsRefusedNamingIt() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new NodeSettings(null, List.of(), List.of("ok.example", "bad host"), null)
                    .checked());
    assertTrue(e.getMessage().contains("'bad host'"), e.getMessage());
  }
}
