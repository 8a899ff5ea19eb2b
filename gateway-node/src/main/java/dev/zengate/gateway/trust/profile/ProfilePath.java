package dev.zengate.gateway.trust.profile;

import dev.zengate.gateway.trust.Certificates;
import dev.zengate.gateway.trust.Purpose;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * One candidate path as the profile rules see it: leaf first, trust anchor last, and the purpose it
 * is validated for. A path of one certificate is a pinned certificate: leaf and anchor at once.
 */
record ProfilePath(List<X509Certificate> certs, Purpose purpose) {

  X509Certificate leaf() {
    return certs.get(0);
  }

  X509Certificate anchor() {
    return certs.get(certs.size() - 1);
  }

  int size() {
    return certs.size();
  }

  boolean isAnchor(int index) {
    return index == certs.size() - 1;
  }

  /** Whether the leaf was itself configured as the trust anchor (a pinned certificate). */
  boolean pinned() {
    return certs.size() == 1;
  }

  /** The anchor when it is a self-signed root, to which the CA/B root profile applies. */
  X509Certificate root() {
    X509Certificate anchor = anchor();
    return anchor.getSubjectX500Principal().equals(anchor.getIssuerX500Principal()) ? anchor : null;
  }

  boolean isCa(int index) {
    return index > 0 || (pinned() && certs.get(0).getBasicConstraints() >= 0);
  }

  /** "certificate CN=..", "CA certificate CN=..", "trust anchor CN=..". */
  String describe(int index) {
    String role =
        isAnchor(index) && certs.size() > 1
            ? "trust anchor "
            : index == 0 ? "certificate " : "CA certificate ";
    return role + Certificates.name(certs.get(index));
  }
}
