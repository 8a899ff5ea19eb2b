package dev.zengate.gateway.config;

import java.nio.file.Path;
import java.util.List;

/**
 * A named set of trusted CA certificates (roots and intermediates), used to verify partners' client
 * certificates on virtual servers or servers' certificates on virtual clients.
 *
 * @param caFiles PEM files (each may hold several certificates) or DER files
 */
public record TrustConfig(List<Path> caFiles) {

  public TrustConfig {
    caFiles = caFiles == null ? List.of() : List.copyOf(caFiles);
  }

  public TrustConfig resolveAgainst(Path base) {
    return new TrustConfig(caFiles.stream().map(p -> CertificateConfig.resolve(base, p)).toList());
  }
}
