package dev.zengate.gateway.trust.profile;

import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * A certificate read with BouncyCastle's ASN.1 parser only as far as the malformed-input rules need
 * it, without the consistency checks that make the JDK (and BouncyCastle's own Extensions) refuse
 * such a certificate outright: so that a malformed certificate gets a reason, not a parse error.
 */
record RawCertificate(
    AlgorithmIdentifier outerAlgorithm,
    AlgorithmIdentifier tbsAlgorithm,
    X500Name issuer,
    X500Name subject,
    List<ASN1ObjectIdentifier> extensionOids,
    List<Boolean> extensionCritical) {

  private static final int EXTENSIONS_TAG = 3;

  /** Throws IllegalArgumentException (or another runtime exception) when not a certificate. */
  static RawCertificate parse(byte[] der) {
    ASN1Sequence outer;
    try {
      outer = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not DER: " + e.getMessage(), e);
    }
    if (outer.size() != 3) {
      throw new IllegalArgumentException("a certificate has three fields");
    }
    ASN1Sequence tbs = ASN1Sequence.getInstance(outer.getObjectAt(0));
    int field = tbs.getObjectAt(0) instanceof ASN1TaggedObject ? 1 : 0;
    AlgorithmIdentifier tbsAlgorithm = AlgorithmIdentifier.getInstance(tbs.getObjectAt(field + 1));
    X500Name issuer = X500Name.getInstance(tbs.getObjectAt(field + 2));
    X500Name subject = X500Name.getInstance(tbs.getObjectAt(field + 4));
    List<ASN1ObjectIdentifier> oids = new ArrayList<>();
    List<Boolean> critical = new ArrayList<>();
    for (int i = field + 6; i < tbs.size(); i++) {
      ASN1TaggedObject tagged = ASN1TaggedObject.getInstance(tbs.getObjectAt(i));
      if (tagged.getTagNo() != EXTENSIONS_TAG) {
        continue;
      }
      for (ASN1Encodable element : ASN1Sequence.getInstance(tagged, true)) {
        ASN1Sequence extension = ASN1Sequence.getInstance(element);
        oids.add(ASN1ObjectIdentifier.getInstance(extension.getObjectAt(0)));
        critical.add(
            extension.size() == 3
                && org.bouncycastle.asn1.ASN1Boolean.getInstance(extension.getObjectAt(1))
                    .isTrue());
      }
    }
    return new RawCertificate(
        AlgorithmIdentifier.getInstance(outer.getObjectAt(1)),
        tbsAlgorithm,
        issuer,
        subject,
        List.copyOf(oids),
        List.copyOf(critical));
  }
}
