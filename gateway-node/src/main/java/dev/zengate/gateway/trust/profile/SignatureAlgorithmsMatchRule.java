package dev.zengate.gateway.trust.profile;

/**
 * The signature algorithm outside the signed part equals the one inside it (RFC 5280 4.1.1.2):
 * otherwise an attacker can change the unsigned one and the signature means something else.
 */
final class SignatureAlgorithmsMatchRule implements StructureRule {

  @Override
  public String name() {
    return "signature-algorithm-match";
  }

  @Override
  public String reference() {
    return "RFC 5280 4.1.1.2";
  }

  @Override
  public String violation(RawCertificate cert) {
    if (cert.outerAlgorithm().equals(cert.tbsAlgorithm())) {
      return null;
    }
    return "its signatureAlgorithm ("
        + cert.outerAlgorithm().getAlgorithm().getId()
        + ") differs from the signature field it signed ("
        + cert.tbsAlgorithm().getAlgorithm().getId()
        + ")";
  }
}
