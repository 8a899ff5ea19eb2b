package dev.zengate.gateway.trust.profile;

/** A rule about one certificate's encoding, checked before anything trusts its contents. */
interface StructureRule {

  String name();

  String reference();

  /** Null when the certificate satisfies the rule, else what is wrong with it. */
  String violation(RawCertificate cert);
}
