package dev.zengate.gateway.trust.profile;

import java.util.Set;
import org.bouncycastle.asn1.x509.Extension;

/** The extensions the validator (or the JDK policy processing it delegates to) acts on. */
public final class UnderstoodExtensions {

  public static final Set<String> OIDS =
      Set.of(
          Extension.basicConstraints.getId(),
          Extension.keyUsage.getId(),
          Extension.extendedKeyUsage.getId(),
          Extension.subjectAlternativeName.getId(),
          Extension.nameConstraints.getId(),
          Extension.certificatePolicies.getId(),
          Extension.policyConstraints.getId(),
          Extension.policyMappings.getId(),
          Extension.inhibitAnyPolicy.getId(),
          Extension.authorityKeyIdentifier.getId(),
          Extension.subjectKeyIdentifier.getId());

  private UnderstoodExtensions() {}
}
