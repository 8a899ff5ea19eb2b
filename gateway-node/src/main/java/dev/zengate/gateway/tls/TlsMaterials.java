package dev.zengate.gateway.tls;

import dev.zengate.gateway.config.CertificateConfig;
import dev.zengate.gateway.config.ConfigProblem;
import dev.zengate.gateway.config.FileErrors;
import dev.zengate.gateway.config.GatewayConfig;
import dev.zengate.gateway.config.TrustConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The certificates, keys and trust sets of a configuration, read from disk once per load. */
public final class TlsMaterials {

  private final Map<String, CertifiedKey> certificates;
  private final Map<String, List<X509Certificate>> trustSets;

  private TlsMaterials(
      Map<String, CertifiedKey> certificates, Map<String, List<X509Certificate>> trustSets) {
    this.certificates = certificates;
    this.trustSets = trustSets;
  }

  public static TlsMaterials load(GatewayConfig config) throws ConfigProblem {
    Map<String, CertifiedKey> certificates = new LinkedHashMap<>();
    for (var entry : config.certificates().entrySet()) {
      certificates.put(
          entry.getKey(), loadCertificate("certificates." + entry.getKey(), entry.getValue()));
    }
    Map<String, List<X509Certificate>> trustSets = new LinkedHashMap<>();
    for (var entry : config.trust().entrySet()) {
      trustSets.put(entry.getKey(), loadTrust("trust." + entry.getKey(), entry.getValue()));
    }
    return new TlsMaterials(certificates, trustSets);
  }

  /** Every certificate by name, in configuration order. */
  public Map<String, CertifiedKey> certificates() {
    return java.util.Collections.unmodifiableMap(certificates);
  }

  public CertifiedKey certificate(String name) {
    return certificates.get(name);
  }

  public List<X509Certificate> trustSet(String name) {
    return trustSets.get(name);
  }

  private static CertifiedKey loadCertificate(String at, CertificateConfig config)
      throws ConfigProblem {
    char[] passphrase = passphrase(at, config);
    CertifiedKey certified;
    if (config.pkcs12() != null) {
      certified =
          read(at + ".pkcs12", () -> KeyMaterialReader.readPkcs12(config.pkcs12(), passphrase));
    } else {
      List<X509Certificate> chain =
          new ArrayList<>(
              read(at + ".chain", () -> KeyMaterialReader.readCertificates(config.chain())));
      if (config.intermediates() != null) {
        chain.addAll(
            read(
                at + ".intermediates",
                () -> KeyMaterialReader.readCertificates(config.intermediates())));
      }
      var key = read(at + ".key", () -> KeyMaterialReader.readPrivateKey(config.key(), passphrase));
      certified = new CertifiedKey(chain, key);
    }
    String keyFile = config.pkcs12() != null ? at + ".pkcs12" : at + ".key";
    Path shown = config.pkcs12() != null ? config.pkcs12() : config.key();
    read(
        keyFile,
        () -> {
          KeyMaterialReader.requireMatchingKey(certified, shown.toString());
          return certified;
        });
    return certified;
  }

  private static List<X509Certificate> loadTrust(String at, TrustConfig config)
      throws ConfigProblem {
    List<X509Certificate> all = new ArrayList<>();
    List<Path> files = config.caFiles();
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      all.addAll(read(at + ".caFiles[" + i + "]", () -> KeyMaterialReader.readCertificates(file)));
    }
    return List.copyOf(all);
  }

  private static char[] passphrase(String at, CertificateConfig config) throws ConfigProblem {
    if (config.passphrase() != null) {
      return config.passphrase().toCharArray();
    }
    if (config.passphraseFile() == null) {
      return null;
    }
    try {
      List<String> lines = Files.readAllLines(config.passphraseFile());
      return lines.isEmpty() ? new char[0] : lines.get(0).toCharArray();
    } catch (IOException | RuntimeException e) {
      throw new ConfigProblem(
          at + ".passphraseFile", config.passphraseFile() + ": " + FileErrors.describe(e));
    }
  }

  private interface Reader<T> {
    T read() throws MaterialException;
  }

  private static <T> T read(String at, Reader<T> reader) throws ConfigProblem {
    try {
      return reader.read();
    } catch (MaterialException e) {
      throw new ConfigProblem(at, e.getMessage(), e);
    } catch (RuntimeException e) {
      // Parsers of operator-supplied files must never escape with a raw stack trace.
      throw new ConfigProblem(at, "unusable file (" + e + ")", e);
    }
  }
}
