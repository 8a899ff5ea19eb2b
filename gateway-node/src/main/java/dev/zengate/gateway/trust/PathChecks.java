package dev.zengate.gateway.trust;

import dev.zengate.gateway.trust.profile.StrictProfile;
import dev.zengate.gateway.trust.profile.UnderstoodExtensions;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraintValidatorException;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.asn1.x509.PKIXNameConstraintValidator;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * The RFC 5280 section 6 checks on one candidate path (leaf first, trust anchor last), done here
 * rather than left to the JDK's PKIX validator, which accepts chains that violate path length, name
 * constraints and extended key usage. Each check returns the first problem in plain words. The JDK
 * validator then runs on the same path for certificate policy processing. The rules of the strict
 * profile beyond section 6 (serial numbers, key identifiers, the CA/B Forum's EKU and root rules,
 * malformed input) are {@link StrictProfile}'s.
 */
final class PathChecks {

  private static final String ANY_EKU = "2.5.29.37.0";

  /** Extensions this validator (or the policy processing it delegates) understands. */
  private static final Set<String> KNOWN_CRITICAL = UnderstoodExtensions.OIDS;

  private static final Set<String> WEAK_SIGNATURES =
      Set.of(
          "1.2.840.113549.1.1.2", // md2WithRSAEncryption
          "1.2.840.113549.1.1.4", // md5WithRSAEncryption
          "1.2.840.113549.1.1.5", // sha1WithRSAEncryption
          "1.3.14.3.2.29", // sha1WithRSA (OIW)
          "1.2.840.10040.4.3", // dsaWithSHA1
          "1.2.840.10045.4.1"); // ecdsaWithSHA1

  private static final Set<String> ACCEPTED_CURVES =
      Set.of(
          "1.2.840.10045.3.1.7", // P-256
          "1.3.132.0.34", // P-384
          "1.3.132.0.35"); // P-521

  private static final String[] KEY_USAGE_NAMES = {
    "digitalSignature",
    "nonRepudiation",
    "keyEncipherment",
    "dataEncipherment",
    "keyAgreement",
    "keyCertSign",
    "cRLSign",
    "encipherOnly",
    "decipherOnly"
  };

  private PathChecks() {}

  /** Null when the path passes every check, else the rejection. */
  static Verdict check(
      List<X509Certificate> path,
      TrustPolicy policy,
      Purpose purpose,
      String expectedName,
      Instant at) {
    for (var check :
        List.<Check>of(
            () -> validity(path, at),
            () -> algorithms(path, policy),
            () -> criticalExtensions(path),
            () -> caCertificates(path),
            // Before constraints are processed: a malformed constraint is named as such.
            () -> StrictProfile.check(path, purpose, policy.relaxations()),
            () -> pathLength(path),
            () -> nameConstraints(path),
            () -> leafUsage(path.get(0), purpose),
            () -> caExtendedKeyUsage(path, purpose),
            () -> expectedName == null ? null : nameMatch(path.get(0), expectedName),
            () -> policyProcessing(path, at))) {
      Verdict problem = check.run();
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  private interface Check {
    Verdict run();
  }

  static Verdict validity(List<X509Certificate> path, Instant at) {
    Date date = Date.from(at);
    for (int i = 0; i < path.size(); i++) {
      X509Certificate cert = path.get(i);
      String what = role(path, i) + Certificates.name(cert);
      if (date.after(cert.getNotAfter())) {
        return Verdict.reject(
            RejectionKind.EXPIRED, what + " expired on " + Certificates.time(cert.getNotAfter()));
      }
      if (date.before(cert.getNotBefore())) {
        return Verdict.reject(
            RejectionKind.NOT_YET_VALID,
            what + " is not valid before " + Certificates.time(cert.getNotBefore()));
      }
    }
    return null;
  }

  private static Verdict algorithms(List<X509Certificate> path, TrustPolicy policy) {
    for (int i = 0; i < path.size(); i++) {
      X509Certificate cert = path.get(i);
      String what = role(path, i) + Certificates.name(cert);
      boolean anchor = i == path.size() - 1;
      if (!anchor && WEAK_SIGNATURES.contains(cert.getSigAlgOID())) {
        return Verdict.reject(
            RejectionKind.WEAK_SIGNATURE,
            what + " is signed with " + cert.getSigAlgName() + ", which is no longer accepted");
      }
      String keyProblem = keyProblem(cert, policy);
      if (keyProblem != null) {
        return Verdict.reject(RejectionKind.WEAK_KEY, what + keyProblem);
      }
    }
    return null;
  }

  private static String keyProblem(X509Certificate cert, TrustPolicy policy) {
    var key = cert.getPublicKey();
    if (key instanceof RSAPublicKey rsa) {
      int bits = rsa.getModulus().bitLength();
      if (bits < policy.minimumRsaBits()) {
        return " has a "
            + bits
            + "-bit RSA key; at least "
            + policy.minimumRsaBits()
            + " bits are required"
            + (bits >= 1024 ? " (a listener may allow 1024-bit keys explicitly)" : "");
      }
      return null;
    }
    String algorithm = key.getAlgorithm();
    if ("EC".equals(algorithm)) {
      try {
        var params =
            SubjectPublicKeyInfo.getInstance(key.getEncoded()).getAlgorithm().getParameters();
        if (params instanceof ASN1ObjectIdentifier curve
            && ACCEPTED_CURVES.contains(curve.getId())) {
          return null;
        }
        return " has an EC key on a curve other than P-256, P-384 or P-521";
      } catch (RuntimeException e) {
        return " has an unreadable EC key";
      }
    }
    if ("Ed25519".equals(algorithm) || "Ed448".equals(algorithm) || "EdDSA".equals(algorithm)) {
      return null;
    }
    return " has a " + algorithm + " key, which is not accepted (RSA, EC P-256/384/521, EdDSA are)";
  }

  private static Verdict criticalExtensions(List<X509Certificate> path) {
    // The anchor's extensions are configuration, not input: RFC 5280 does not process them.
    for (int i = 0; i < path.size() - 1; i++) {
      X509Certificate cert = path.get(i);
      Set<String> critical = cert.getCriticalExtensionOIDs();
      if (critical == null) {
        continue;
      }
      for (String oid : critical) {
        if (!KNOWN_CRITICAL.contains(oid)) {
          return Verdict.reject(
              RejectionKind.CRITICAL_EXTENSION,
              role(path, i)
                  + Certificates.name(cert)
                  + " has an unknown critical extension "
                  + oid);
        }
      }
    }
    return null;
  }

  private static Verdict caCertificates(List<X509Certificate> path) {
    for (int i = 1; i < path.size(); i++) {
      X509Certificate ca = path.get(i);
      boolean anchor = i == path.size() - 1;
      String what = role(path, i) + Certificates.name(ca);
      // A version 1 root is still common as a trust anchor; a v1 intermediate is not a CA.
      boolean v1Anchor = anchor && ca.getVersion() < 3;
      if (!v1Anchor && ca.getBasicConstraints() < 0) {
        return Verdict.reject(
            RejectionKind.NOT_A_CA,
            what
                + " is not a CA certificate (basicConstraints cA is not set) but issued "
                + Certificates.name(path.get(i - 1)));
      }
      boolean[] usage = ca.getKeyUsage();
      if (usage != null && (usage.length <= 5 || !usage[5])) {
        return Verdict.reject(
            RejectionKind.KEY_USAGE,
            "key usage of "
                + what
                + " does not allow certificate signing (keyCertSign); it allows "
                + usages(usage));
      }
    }
    return null;
  }

  private static Verdict pathLength(List<X509Certificate> path) {
    int remaining = Integer.MAX_VALUE;
    X509Certificate constrainer = null;
    // From the anchor down to the last CA, as in RFC 5280 6.1.4 (l) and (m).
    for (int i = path.size() - 1; i >= 1; i--) {
      X509Certificate ca = path.get(i);
      boolean anchor = i == path.size() - 1;
      if (!anchor && !Certificates.isSelfIssued(ca)) {
        if (remaining <= 0) {
          return Verdict.reject(
              RejectionKind.PATH_LENGTH,
              "path length constraint of "
                  + Certificates.name(constrainer)
                  + " exceeded: it allows "
                  + constrainer.getBasicConstraints()
                  + " intermediate CA(s) below it, but "
                  + Certificates.name(ca)
                  + " is one more");
        }
        remaining--;
      }
      int pathLen = ca.getBasicConstraints();
      if (pathLen >= 0 && pathLen != Integer.MAX_VALUE && pathLen < remaining) {
        remaining = pathLen;
        constrainer = ca;
      }
    }
    return null;
  }

  private static Verdict nameConstraints(List<X509Certificate> path) {
    for (int i = path.size() - 1; i >= 1; i--) {
      X509Certificate ca = path.get(i);
      byte[] raw = Certificates.extensionValue(ca, Extension.nameConstraints);
      if (raw == null) {
        continue;
      }
      PKIXNameConstraintValidator validator = new PKIXNameConstraintValidator();
      try {
        NameConstraints constraints = NameConstraints.getInstance(raw);
        GeneralSubtree[] permitted = constraints.getPermittedSubtrees();
        if (permitted != null) {
          validator.intersectPermittedSubtree(permitted);
        }
        GeneralSubtree[] excluded = constraints.getExcludedSubtrees();
        if (excluded != null) {
          for (GeneralSubtree subtree : excluded) {
            validator.addExcludedSubtree(subtree);
          }
        }
      } catch (RuntimeException e) {
        return Verdict.reject(
            RejectionKind.NAME_CONSTRAINTS,
            "name constraints of " + Certificates.name(ca) + " are unreadable");
      }
      for (int j = i - 1; j >= 0; j--) {
        X509Certificate subject = path.get(j);
        boolean selfIssuedCa = j > 0 && Certificates.isSelfIssued(subject);
        if (selfIssuedCa) {
          continue;
        }
        for (GeneralName name : namesOf(subject)) {
          try {
            if (name.getTagNo() == GeneralName.directoryName) {
              X500Name dn = X500Name.getInstance(name.getName());
              validator.checkPermittedDN(dn);
              validator.checkExcludedDN(dn);
            } else {
              validator.checkPermitted(name);
              validator.checkExcluded(name);
            }
          } catch (NameConstraintValidatorException | RuntimeException e) {
            return Verdict.reject(
                RejectionKind.NAME_CONSTRAINTS,
                "name constraints of "
                    + Certificates.name(ca)
                    + " forbid "
                    + describe(name)
                    + (j == 0 ? "" : " (in " + Certificates.name(subject) + ")"));
          }
        }
      }
    }
    return null;
  }

  private static List<GeneralName> namesOf(X509Certificate cert) {
    List<GeneralName> names = new ArrayList<>();
    X500Name subject = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
    if (subject.getRDNs().length > 0) {
      names.add(new GeneralName(subject));
    }
    byte[] san = Certificates.extensionValue(cert, Extension.subjectAlternativeName);
    if (san != null) {
      names.addAll(List.of(GeneralNames.getInstance(san).getNames()));
    }
    return names;
  }

  private static String describe(GeneralName name) {
    return switch (name.getTagNo()) {
      case GeneralName.dNSName -> "DNS:" + name.getName();
      case GeneralName.rfc822Name -> "email:" + name.getName();
      case GeneralName.uniformResourceIdentifier -> "URI:" + name.getName();
      case GeneralName.directoryName -> "DirName:" + X500Name.getInstance(name.getName());
      case GeneralName.iPAddress -> "IP:" + ipText(name);
      default -> "name " + name;
    };
  }

  private static String ipText(GeneralName name) {
    byte[] bytes = org.bouncycastle.asn1.ASN1OctetString.getInstance(name.getName()).getOctets();
    try {
      return java.net.InetAddress.getByAddress(bytes).getHostAddress();
    } catch (java.net.UnknownHostException e) {
      return org.bouncycastle.util.encoders.Hex.toHexString(bytes);
    }
  }

  private static Verdict leafUsage(X509Certificate leaf, Purpose purpose) {
    boolean[] usage = leaf.getKeyUsage();
    if (usage != null) {
      boolean signature = usage.length > 0 && usage[0];
      boolean encipher = usage.length > 2 && usage[2];
      boolean agree = usage.length > 4 && usage[4];
      boolean ok = signature || agree || (purpose == Purpose.SERVER && encipher);
      if (!ok) {
        return Verdict.reject(
            RejectionKind.KEY_USAGE,
            "key usage of "
                + Certificates.name(leaf)
                + " does not allow TLS "
                + (purpose == Purpose.SERVER ? "server" : "client")
                + " authentication; it allows "
                + usages(usage));
      }
    }
    List<String> eku = extendedKeyUsage(leaf);
    if (eku != null && !eku.contains(purpose.oid()) && !eku.contains(ANY_EKU)) {
      return Verdict.reject(
          RejectionKind.EXTENDED_KEY_USAGE,
          "extended key usage of "
              + Certificates.name(leaf)
              + " does not include "
              + purpose.label()
              + " (it has "
              + ekuNames(eku)
              + ")");
    }
    return null;
  }

  private static Verdict caExtendedKeyUsage(List<X509Certificate> path, Purpose purpose) {
    for (int i = 1; i < path.size() - 1; i++) {
      List<String> eku = extendedKeyUsage(path.get(i));
      if (eku != null && !eku.contains(purpose.oid()) && !eku.contains(ANY_EKU)) {
        return Verdict.reject(
            RejectionKind.EXTENDED_KEY_USAGE,
            "extended key usage of CA "
                + Certificates.name(path.get(i))
                + " does not allow "
                + purpose.label()
                + " (it has "
                + ekuNames(eku)
                + ")");
      }
    }
    return null;
  }

  private static Verdict nameMatch(X509Certificate leaf, String expectedName) {
    String mismatch = HostNames.mismatch(leaf, expectedName);
    return mismatch == null ? null : Verdict.reject(RejectionKind.NAME_MISMATCH, mismatch);
  }

  /**
   * Certificate policy processing (policy mappings, requireExplicitPolicy, inhibitAnyPolicy) is
   * delegated to the JDK's PKIX validator, which implements it; everything above has already been
   * checked more strictly here.
   */
  private static Verdict policyProcessing(List<X509Certificate> path, Instant at) {
    if (path.size() < 2) {
      return null;
    }
    try {
      X509Certificate anchor = path.get(path.size() - 1);
      PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
      params.setRevocationEnabled(false);
      params.setDate(Date.from(at));
      var certPath =
          CertificateFactory.getInstance("X.509")
              .generateCertPath(path.subList(0, path.size() - 1));
      CertPathValidator.getInstance("PKIX").validate(certPath, params);
      return null;
    } catch (CertPathValidatorException e) {
      return Verdict.reject(
          RejectionKind.POLICY,
          "certificate policy processing rejected the path: " + TrustParsers.reason(e));
    } catch (Exception e) {
      return Verdict.reject(
          RejectionKind.POLICY, "certificate policy processing failed: " + TrustParsers.reason(e));
    }
  }

  private static List<String> extendedKeyUsage(X509Certificate cert) {
    try {
      return cert.getExtendedKeyUsage();
    } catch (java.security.cert.CertificateParsingException e) {
      return List.of("(unreadable)");
    }
  }

  private static String ekuNames(List<String> eku) {
    List<String> names = new ArrayList<>();
    for (String oid : eku) {
      names.add(
          switch (oid) {
            case "1.3.6.1.5.5.7.3.1" -> "serverAuth";
            case "1.3.6.1.5.5.7.3.2" -> "clientAuth";
            case "1.3.6.1.5.5.7.3.3" -> "codeSigning";
            case "1.3.6.1.5.5.7.3.4" -> "emailProtection";
            case "1.3.6.1.5.5.7.3.8" -> "timeStamping";
            case "1.3.6.1.5.5.7.3.9" -> "OCSPSigning";
            default -> oid;
          });
    }
    return String.join(", ", names);
  }

  private static String usages(boolean[] usage) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < usage.length && i < KEY_USAGE_NAMES.length; i++) {
      if (usage[i]) {
        names.add(KEY_USAGE_NAMES[i]);
      }
    }
    return names.isEmpty() ? "nothing" : String.join(", ", names);
  }

  private static String role(List<X509Certificate> path, int index) {
    if (index == path.size() - 1 && path.size() > 1) {
      return "trust anchor ";
    }
    return index == 0 ? "certificate " : "CA certificate ";
  }
}
