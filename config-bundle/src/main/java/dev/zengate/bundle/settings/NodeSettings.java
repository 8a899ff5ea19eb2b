package dev.zengate.bundle.settings;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The settings a pair gives each of its nodes, in the node configuration's own keys ({@code
 * node.httpProxy}, {@code node.dnsServers}, {@code node.ntpServers}, {@code node.syslog}). The
 * management server builds the bundle's node section from this record only, so a key cannot be
 * misspelt on one side.
 *
 * @param httpProxy {@code http://host:port}, or null for direct connections
 * @param dnsServers name servers ({@code IP[:PORT]}); empty: the node's resolv.conf
 * @param ntpServers time servers the node checks its clock against; empty: no check
 * @param syslog syslog target for the node's own events ({@code host:port} or {@code
 *     tcp://host:port}), or null
 */
public record NodeSettings(
    String httpProxy, List<String> dnsServers, List<String> ntpServers, String syslog) {

  public NodeSettings {
    dnsServers = dnsServers == null ? List.of() : List.copyOf(dnsServers);
    ntpServers = ntpServers == null ? List.of() : List.copyOf(ntpServers);
  }

  /**
   * Checks every setting with {@link NodeSettingRules}.
   *
   * @throws IllegalArgumentException naming the first bad value
   */
  public NodeSettings checked() {
    if (httpProxy != null) {
      NodeSettingRules.httpProxy(httpProxy);
    }
    dnsServers.forEach(NodeSettingRules::dnsServer);
    ntpServers.forEach(NodeSettingRules::ntpServer);
    if (syslog != null) {
      NodeSettingRules.syslogTarget(syslog);
    }
    return this;
  }

  /** The bundle's node section: only what is set, in a stable order. */
  public Map<String, Object> nodeSection() {
    Map<String, Object> section = new TreeMap<>();
    if (httpProxy != null) {
      section.put("httpProxy", httpProxy);
    }
    if (!dnsServers.isEmpty()) {
      section.put("dnsServers", dnsServers);
    }
    if (!ntpServers.isEmpty()) {
      section.put("ntpServers", ntpServers);
    }
    if (syslog != null) {
      section.put("syslog", syslog);
    }
    return section;
  }
}
