package dev.zengate.gateway.trust;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.security.auth.x500.X500Principal;

/**
 * The certificates a listener trusts: anchors (where every accepted path ends) and intermediates
 * configured locally to complete chains that partners send incomplete. Both are indexed by subject
 * so that chain building is a lookup, not a scan of every configured CA.
 */
public final class TrustSet {

  private final List<X509Certificate> anchors;
  private final List<X509Certificate> intermediates;
  private final Map<X500Principal, List<X509Certificate>> anchorsBySubject;
  private final Map<X500Principal, List<X509Certificate>> intermediatesBySubject;

  public TrustSet(List<X509Certificate> anchors, List<X509Certificate> intermediates) {
    if (anchors == null || anchors.isEmpty()) {
      throw new IllegalArgumentException("a trust set needs at least one trust anchor");
    }
    this.anchors = List.copyOf(anchors);
    this.intermediates = intermediates == null ? List.of() : List.copyOf(intermediates);
    this.anchorsBySubject = index(this.anchors);
    this.intermediatesBySubject = index(this.intermediates);
  }

  /**
   * A trust set from a CA bundle as configured today (one list): self-signed certificates become
   * anchors, the others intermediates. A bundle without any self-signed certificate trusts all of
   * them as anchors, which is how partners' issuing CAs are often pinned.
   */
  public static TrustSet fromBundle(List<X509Certificate> bundle) {
    List<X509Certificate> roots = new ArrayList<>();
    List<X509Certificate> others = new ArrayList<>();
    for (X509Certificate cert : bundle) {
      (Certificates.isSelfIssued(cert) ? roots : others).add(cert);
    }
    return roots.isEmpty() ? new TrustSet(bundle, List.of()) : new TrustSet(roots, others);
  }

  public List<X509Certificate> anchors() {
    return anchors;
  }

  public List<X509Certificate> intermediates() {
    return intermediates;
  }

  List<X509Certificate> anchorsNamed(X500Principal subject) {
    return anchorsBySubject.getOrDefault(subject, List.of());
  }

  List<X509Certificate> intermediatesNamed(X500Principal subject) {
    return intermediatesBySubject.getOrDefault(subject, List.of());
  }

  boolean isAnchor(X509Certificate cert) {
    return anchorsNamed(cert.getSubjectX500Principal()).contains(cert);
  }

  private static Map<X500Principal, List<X509Certificate>> index(List<X509Certificate> certs) {
    Map<X500Principal, List<X509Certificate>> index = new HashMap<>();
    for (X509Certificate cert : certs) {
      index.computeIfAbsent(cert.getSubjectX500Principal(), k -> new ArrayList<>()).add(cert);
    }
    index.replaceAll((k, v) -> Collections.unmodifiableList(v));
    return Map.copyOf(index);
  }
}
