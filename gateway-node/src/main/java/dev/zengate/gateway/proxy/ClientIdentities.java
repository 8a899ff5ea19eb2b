package dev.zengate.gateway.proxy;

import dev.zengate.gateway.config.ClientCertificateRuleConfig;
import dev.zengate.gateway.config.UpstreamTls;
import dev.zengate.gateway.tls.CertifiedKey;
import dev.zengate.gateway.tls.TlsMaterials;
import dev.zengate.gateway.trust.identity.AddressRange;
import dev.zengate.gateway.trust.identity.ClientCertificateRule;
import dev.zengate.gateway.trust.identity.ClientCertificateSelector;
import dev.zengate.gateway.trust.identity.ClientCertificateSelector.Identity;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the key manager a virtual client presents its certificate with (F5, F13) from its
 * origination settings: the certificates its rules and default name, and for automatic choice every
 * certificate of the node that may authenticate a TLS client.
 */
final class ClientIdentities {

  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
  private static final String ANY_PURPOSE = "2.5.29.37.0";

  private ClientIdentities() {}

  /** The selector for {@code tls}, or null when the listener never presents a certificate. */
  static ClientCertificateSelector selector(UpstreamTls tls, TlsMaterials materials) {
    if (tls.certificate() == null
        && tls.certificateRules().isEmpty()
        && !tls.automaticCertificate()) {
      return null;
    }
    Map<String, Identity> identities = new LinkedHashMap<>();
    List<ClientCertificateRule> rules = new ArrayList<>();
    for (ClientCertificateRuleConfig rule : tls.certificateRules()) {
      rules.add(
          new ClientCertificateRule(
              AddressRange.parse(rule.destination()),
              AddressRange.parse(rule.source()),
              rule.certificate()));
      identities.put(rule.certificate(), identity(materials.certificate(rule.certificate())));
    }
    if (tls.certificate() != null) {
      identities.put(tls.certificate(), identity(materials.certificate(tls.certificate())));
    }
    if (tls.automaticCertificate()) {
      materials
          .certificates()
          .forEach(
              (name, certified) -> {
                if (mayAuthenticateClients(certified.leaf())) {
                  identities.putIfAbsent(name, identity(certified));
                }
              });
    }
    return new ClientCertificateSelector(
        identities, rules, tls.certificate(), tls.automaticCertificate());
  }

  private static Identity identity(CertifiedKey certified) {
    return new Identity(certified.chain(), certified.key());
  }

  /** No extended key usage means any; otherwise it must list clientAuth (RFC 5280 4.2.1.12). */
  private static boolean mayAuthenticateClients(X509Certificate leaf) {
    try {
      List<String> usages = leaf.getExtendedKeyUsage();
      return usages == null || usages.contains(CLIENT_AUTH) || usages.contains(ANY_PURPOSE);
    } catch (CertificateParsingException unreadable) {
      return false;
    }
  }
}
