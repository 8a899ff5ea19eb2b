package dev.zengate.management.interfaces.rest.dto;

import dev.zengate.management.domain.trust.TrustStore;
import java.util.List;

/** A trust store and its CA certificates. */
public record TrustStoreView(
    long id, String name, String description, List<CertificateView> certificates, long version) {

  public static TrustStoreView of(TrustStore store) {
    return new TrustStoreView(
        store.id(),
        store.name(),
        store.description(),
        store.certificates().stream().map(c -> CertificateView.of(c, false)).toList(),
        store.version());
  }
}
