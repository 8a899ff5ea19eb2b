package dev.zengate.management.interfaces.rest.dto;

import dev.zengate.management.application.ImportedCertificate;
import java.util.List;

/** The result of an import: the certificate, the ids of its stored chain, and warnings. */
public record ImportView(CertificateView certificate, List<Long> chain, List<String> warnings) {

  public static ImportView of(ImportedCertificate imported) {
    return new ImportView(
        CertificateView.of(imported.certificate(), imported.hasPrivateKey()),
        imported.chain().stream().map(c -> c.id()).toList(),
        imported.warnings());
  }
}
