package dev.zengate.gateway.config;

import dev.zengate.bundle.settings.NodeSettingRules;
import java.util.List;

/**
 * The settings a pair may send its nodes (HTTP proxy, DNS, NTP, syslog), checked with the shared
 * {@link NodeSettingRules}, so a file and a bundle meet exactly what the management API enforces.
 */
final class NodeSettingsCheck {

  private NodeSettingsCheck() {}

  static void validate(NodeConfig node) throws ConfigProblem {
    if (node.httpProxy() != null) {
      check("node.httpProxy", node.httpProxy(), NodeSettingRules::httpProxy);
    }
    NameServers.parse(node.dnsServers());
    each("node.ntpServers", node.ntpServers(), NodeSettingRules::ntpServer);
    if (node.syslog() != null) {
      check("node.syslog", node.syslog(), NodeSettingRules::syslogTarget);
    }
    int days = node.expiryWarningDays();
    if (days < 1 || days > 365) {
      throw new ConfigProblem("node.expiryWarningDays", days + " is outside 1-365");
    }
  }

  private static void each(String at, List<String> values, Rule rule) throws ConfigProblem {
    for (int i = 0; i < values.size(); i++) {
      check(at + "[" + i + "]", values.get(i), rule);
    }
  }

  private interface Rule {
    Object apply(String value);
  }

  private static void check(String at, String value, Rule rule) throws ConfigProblem {
    try {
      rule.apply(value);
    } catch (IllegalArgumentException e) {
      throw new ConfigProblem(at, e.getMessage());
    }
  }
}
