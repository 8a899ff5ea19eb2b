package dev.zengate.gateway.trust.profile;

import dev.zengate.gateway.trust.RejectionKind;
import java.math.BigInteger;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraints;

/**
 * Every name constraint is well formed (RFC 5280 4.2.1.10): minimum 0 and no maximum; a dNSName is
 * a host name to which labels may be added on the left (no wildcard, no leading period); an
 * iPAddress is an address and a contiguous mask (8 or 32 octets); an rfc822Name is a mailbox, a
 * host or a domain. A constraint the validator cannot read cannot be enforced, so the path fails.
 */
final class NameConstraintSyntaxRule implements ProfileRule {

  private static final Pattern HOST =
      Pattern.compile(
          "([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

  @Override
  public String name() {
    return "name-constraint-syntax";
  }

  @Override
  public String reference() {
    return "RFC 5280 4.2.1.10";
  }

  @Override
  public RejectionKind kind() {
    return RejectionKind.NAME_CONSTRAINTS;
  }

  @Override
  public String violation(ProfilePath path) {
    for (int i = 0; i < path.size(); i++) {
      byte[] raw = Extensions.value(path.certs().get(i), Extension.nameConstraints);
      if (raw == null) {
        continue;
      }
      String problem = problem(NameConstraints.getInstance(raw));
      if (problem != null) {
        return "name constraints of " + path.describe(i) + " hold " + problem;
      }
    }
    return null;
  }

  private static String problem(NameConstraints constraints) {
    for (GeneralSubtree[] subtrees :
        new GeneralSubtree[][] {
          constraints.getPermittedSubtrees(), constraints.getExcludedSubtrees()
        }) {
      if (subtrees == null) {
        continue;
      }
      for (GeneralSubtree subtree : subtrees) {
        String problem = problem(subtree);
        if (problem != null) {
          return problem;
        }
      }
    }
    return null;
  }

  private static String problem(GeneralSubtree subtree) {
    if (!BigInteger.ZERO.equals(subtree.getMinimum()) || subtree.getMaximum() != null) {
      return "a subtree with minimum or maximum set (minimum must be 0, maximum absent)";
    }
    GeneralName base = subtree.getBase();
    return switch (base.getTagNo()) {
      case GeneralName.dNSName -> dnsProblem(text(base));
      case GeneralName.iPAddress ->
          ipProblem(ASN1OctetString.getInstance(base.getName()).getOctets());
      case GeneralName.rfc822Name -> emailProblem(text(base));
      case GeneralName.directoryName -> {
        X500Name.getInstance(base.getName());
        yield null;
      }
      default -> null;
    };
  }

  private static String text(GeneralName name) {
    return ((ASN1String) name.getName()).getString();
  }

  private static String dnsProblem(String name) {
    // An empty constraint matches every name; otherwise a host name, nothing else.
    if (name.isEmpty() || HOST.matcher(name).matches()) {
      return null;
    }
    return "a malformed DNS constraint '"
        + name
        + "' (wildcards and leading periods are not DNS"
        + " constraints)";
  }

  private static String ipProblem(byte[] octets) {
    if (octets.length != 8 && octets.length != 32) {
      return "a malformed IP constraint of "
          + octets.length
          + " octets (an address and a mask: 8 octets for IPv4, 32 for IPv6)";
    }
    boolean zeroSeen = false;
    for (int i = octets.length / 2; i < octets.length; i++) {
      for (int bit = 7; bit >= 0; bit--) {
        boolean one = (octets[i] >> bit & 1) == 1;
        if (one && zeroSeen) {
          return "an IP constraint whose mask is not a contiguous prefix";
        }
        zeroSeen |= !one;
      }
    }
    return null;
  }

  private static String emailProblem(String constraint) {
    int at = constraint.indexOf('@');
    if (at < 0) {
      String host = constraint.startsWith(".") ? constraint.substring(1) : constraint;
      return HOST.matcher(host).matches()
          ? null
          : "a malformed email constraint '" + constraint + "'";
    }
    boolean oneAt = at == constraint.lastIndexOf('@');
    boolean mailbox = at > 0 && HOST.matcher(constraint.substring(at + 1)).matches();
    return oneAt && mailbox ? null : "a malformed email constraint '" + constraint + "'";
  }
}
