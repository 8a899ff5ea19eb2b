package dev.zengate.gateway.config;

/**
 * One row of a virtual client's certificate table as written in the configuration (the appliance's
 * "Dst-IP / Src-IP → client certificate", manual 2.2.3).
 *
 * @param destination the target's address: {@code any}, an IP address or a CIDR block
 * @param source the internal client's address: {@code any}, an IP address or a CIDR block
 * @param certificate name of the certificate to present, in {@code certificates}
 */
public record ClientCertificateRuleConfig(String destination, String source, String certificate) {

  public ClientCertificateRuleConfig {
    destination = destination == null ? "any" : destination;
    source = source == null ? "any" : source;
  }
}
