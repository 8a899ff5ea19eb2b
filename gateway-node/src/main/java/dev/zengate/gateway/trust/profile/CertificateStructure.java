package dev.zengate.gateway.trust.profile;

import java.util.List;
import java.util.Optional;

/**
 * The malformed-input rules: a certificate that breaks one is refused with the rule's name, whether
 * the JDK could parse it (then the path rules run this too) or not (then the parsers ask here
 * before they give up on the input).
 */
public final class CertificateStructure {

  private static final List<StructureRule> RULES =
      List.of(
          new SignatureAlgorithmsMatchRule(),
          new UniqueExtensionsRule(),
          new IssuerNotEmptyRule(),
          new SubjectNamedRule());

  private CertificateStructure() {}

  /**
   * Why this DER certificate is malformed, as "rule-name: reason (reference)"; empty when it breaks
   * none of the rules or is not recognisably a certificate at all.
   */
  public static Optional<String> defect(byte[] der) {
    RawCertificate cert;
    try {
      cert = RawCertificate.parse(der);
    } catch (RuntimeException | StackOverflowError e) {
      return Optional.empty();
    }
    for (StructureRule rule : RULES) {
      String violation = rule.violation(cert);
      if (violation != null) {
        return Optional.of(
            "malformed certificate: "
                + violation
                + " (rule "
                + rule.name()
                + ", "
                + rule.reference()
                + ")");
      }
    }
    return Optional.empty();
  }
}
