package dev.zengate.management.domain.certificate;

import dev.zengate.management.domain.shared.InvalidInputException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Puts uploaded certificates in chain order, leaf first, each signed by the next, and checks that
 * the chain ends at a given trust anchor when one is given.
 */
public final class ChainOrder {

  private ChainOrder() {}

  /**
   * Orders {@code certificates} starting from {@code leaf}. Every certificate must be part of the
   * chain; with anchors, the chain's last certificate must be an anchor or be signed by one.
   */
  public static List<X509Certificate> order(
      X509Certificate leaf,
      Collection<X509Certificate> certificates,
      Collection<X509Certificate> anchors) {
    Set<X509Certificate> remaining = new LinkedHashSet<>(certificates);
    remaining.remove(leaf);
    List<X509Certificate> chain = new ArrayList<>();
    chain.add(leaf);
    X509Certificate current = leaf;
    while (!remaining.isEmpty() && !selfSigned(current)) {
      Optional<X509Certificate> issuer = issuerAmong(current, remaining);
      if (issuer.isEmpty()) {
        break;
      }
      chain.add(issuer.get());
      remaining.remove(issuer.get());
      current = issuer.get();
    }
    if (!remaining.isEmpty()) {
      throw new InvalidInputException(
          "certificate "
              + subject(remaining.iterator().next())
              + " is not part of the chain of "
              + subject(leaf)
              + " (no certificate in the upload is signed by it in order)");
    }
    if (anchors != null && !anchors.isEmpty()) {
      X509Certificate last = chain.get(chain.size() - 1);
      boolean anchored = anchors.contains(last) || issuerAmong(last, anchors).isPresent();
      if (!anchored) {
        throw new InvalidInputException(
            "the chain of "
                + subject(leaf)
                + " does not lead to the given trust anchor: its last certificate "
                + subject(last)
                + " is issued by "
                + last.getIssuerX500Principal().getName()
                + ", which is not in the trust store");
      }
    }
    return chain;
  }

  public static boolean selfSigned(X509Certificate certificate) {
    return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
        && signedBy(certificate, certificate);
  }

  public static Optional<X509Certificate> issuerAmong(
      X509Certificate certificate, Collection<X509Certificate> candidates) {
    return candidates.stream()
        .filter(c -> c.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()))
        .filter(c -> signedBy(certificate, c))
        .findFirst();
  }

  private static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
    try {
      certificate.verify(issuer.getPublicKey());
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  static String subject(X509Certificate certificate) {
    return certificate.getSubjectX500Principal().getName();
  }
}
