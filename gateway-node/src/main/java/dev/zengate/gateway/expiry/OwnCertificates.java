package dev.zengate.gateway.expiry;

import dev.zengate.gateway.proxy.CompiledConfig;
import dev.zengate.gateway.tls.CertifiedKey;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The certificates a node's configuration holds, each once with every place it is used: server and
 * client certificates (with their chains) and the CAs of trust sets.
 */
final class OwnCertificates {

  /** One certificate and where the configuration uses it. */
  record Owned(X509Certificate certificate, String sha256, List<String> usages) {

    String usage() {
      return String.join("; ", usages);
    }
  }

  private OwnCertificates() {}

  static List<Owned> of(CompiledConfig config) {
    Map<String, Owned> bySha256 = new LinkedHashMap<>();
    for (Map.Entry<String, CertifiedKey> entry : config.materials().certificates().entrySet()) {
      List<X509Certificate> chain = entry.getValue().chain();
      for (int i = 0; i < chain.size(); i++) {
        add(bySha256, chain.get(i), "certificate " + entry.getKey() + (i == 0 ? "" : ", chain"));
      }
    }
    for (String trust : config.config().trust().keySet()) {
      for (X509Certificate ca : config.materials().trustSet(trust)) {
        add(bySha256, ca, "trust set " + trust);
      }
    }
    return List.copyOf(bySha256.values());
  }

  private static void add(Map<String, Owned> bySha256, X509Certificate certificate, String usage) {
    String sha256 = sha256(certificate);
    Owned known =
        bySha256.computeIfAbsent(sha256, k -> new Owned(certificate, sha256, new ArrayList<>()));
    if (!known.usages().contains(usage)) {
      known.usages().add(usage);
    }
  }

  static String sha256(X509Certificate certificate) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot hash a loaded certificate", e);
    }
  }
}
