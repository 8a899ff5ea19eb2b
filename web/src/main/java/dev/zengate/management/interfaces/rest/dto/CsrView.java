package dev.zengate.management.interfaces.rest.dto;

import dev.zengate.management.domain.certificate.SealedPrivateKey;

/** A pending key and its CSR (PEM), to send to the CA. */
public record CsrView(long id, String keyType, String subject, String csr, Long certificateId) {

  public static CsrView of(SealedPrivateKey key) {
    return new CsrView(
        key.id(),
        key.keyAlgorithm() + "-" + key.keySize(),
        key.csrSubject(),
        key.csrPem(),
        key.certificate() == null ? null : key.certificate().id());
  }
}
