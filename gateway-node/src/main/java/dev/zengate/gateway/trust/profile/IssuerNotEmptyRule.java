package dev.zengate.gateway.trust.profile;

/** The issuer is a non-empty distinguished name (RFC 5280 4.1.2.4). */
final class IssuerNotEmptyRule implements StructureRule {

  @Override
  public String name() {
    return "issuer-not-empty";
  }

  @Override
  public String reference() {
    return "RFC 5280 4.1.2.4";
  }

  @Override
  public String violation(RawCertificate cert) {
    return cert.issuer().getRDNs().length == 0 ? "its issuer name is empty" : null;
  }
}
