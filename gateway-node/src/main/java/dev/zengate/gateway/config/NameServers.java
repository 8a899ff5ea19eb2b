package dev.zengate.gateway.config;

import dev.zengate.bundle.settings.NodeSettingRules;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The DNS servers a node resolves target host names with ({@code node.dnsServers}, the appliance's
 * DNS setting), checked with the rules the management server applies to a pair's DNS servers.
 */
public final class NameServers {

  private NameServers() {}

  /** Parses every entry; the problem names the entry by its index. */
  public static List<InetSocketAddress> parse(List<String> entries) throws ConfigProblem {
    List<InetSocketAddress> servers = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      try {
        servers.add(NodeSettingRules.dnsServer(entries.get(i)));
      } catch (IllegalArgumentException e) {
        throw new ConfigProblem("node.dnsServers[" + i + "]", e.getMessage());
      }
    }
    return List.copyOf(servers);
  }
}
