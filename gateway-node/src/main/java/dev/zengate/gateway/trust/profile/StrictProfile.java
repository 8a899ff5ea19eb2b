package dev.zengate.gateway.trust.profile;

import dev.zengate.gateway.trust.Purpose;
import dev.zengate.gateway.trust.RejectionKind;
import dev.zengate.gateway.trust.Verdict;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of RFC 5280 and the CA/B Forum profile that the JDK's PKIX validator does not enforce,
 * run on each candidate path after the RFC 5280 section 6 checks. Each rule is one class with a
 * name; a rejection says which rule and where the standard states it, and for a rule a listener may
 * relax, which relaxation would. See docs/path-validation.md for the decisions.
 */
public final class StrictProfile {

  private static final List<ProfileRule> RULES =
      List.of(
          new SerialNumberRule(),
          new KeyIdentifiersNonCriticalRule(),
          new AuthorityKeyIdentifierPresentRule(),
          new SubjectKeyIdentifierPresentRule(),
          new RootAuthorityKeyIdentifierRule(),
          new RootBasicConstraintsCriticalRule(),
          new IntermediateBasicConstraintsCriticalRule(),
          new RootCriticalExtensionsRule(),
          new LeafNotCaRule(),
          new NonCaNoKeyCertSignRule(),
          new NameConstraintsInCaOnlyRule(),
          new NameConstraintSyntaxRule(),
          new ServerLeafEkuPresentRule(),
          new ServerLeafEkuNonCriticalRule(),
          new ServerLeafNoAnyEkuRule(),
          new ServerRootNoEkuRule());

  private StrictProfile() {}

  /** Null when the path (leaf first, anchor last) satisfies every rule not relaxed. */
  public static Verdict check(
      List<X509Certificate> certs, Purpose purpose, Set<Relaxation> relaxed) {
    ProfilePath path = new ProfilePath(certs, purpose);
    Verdict malformed = malformed(path);
    if (malformed != null) {
      return malformed;
    }
    for (ProfileRule rule : RULES) {
      if (rule.relaxedBy() != null && relaxed.contains(rule.relaxedBy())) {
        continue;
      }
      String violation;
      try {
        violation = rule.violation(path);
      } catch (RuntimeException e) {
        // An extension the rule must read but cannot is itself a violation of the rule.
        violation = "the path of " + path.describe(0) + " holds an extension this rule cannot read";
      }
      if (violation != null) {
        return Verdict.reject(rule.kind(), reason(rule, violation));
      }
    }
    return null;
  }

  private static Verdict malformed(ProfilePath path) {
    for (int i = 0; i < path.size(); i++) {
      Optional<String> defect;
      try {
        defect = CertificateStructure.defect(path.certs().get(i).getEncoded());
      } catch (CertificateEncodingException e) {
        defect = Optional.of("malformed certificate: it cannot be encoded");
      }
      if (defect.isPresent()) {
        return Verdict.reject(RejectionKind.MALFORMED, path.describe(i) + ": " + defect.get());
      }
    }
    return null;
  }

  private static String reason(ProfileRule rule, String violation) {
    String reason = violation + " (rule " + rule.name() + ", " + rule.reference();
    if (rule.relaxedBy() != null) {
      reason += "; a listener may relax it with " + rule.relaxedBy().configName();
    }
    return reason + ")";
  }
}
