package dev.zengate.gateway.cli;

import dev.zengate.gateway.config.AdminConfig;
import dev.zengate.gateway.config.HostPort;
import dev.zengate.gateway.config.NodeConfig;
import dev.zengate.gateway.config.TlsProviderKind;
import dev.zengate.gateway.config.TlsVersion;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by the single-listener quick modes. */
final class QuickOptions {

  @Option(names = "--listen", required = true, description = "Address to accept on, HOST:PORT.")
  String listen;

  @Option(names = "--target", required = true, description = "Address to forward to, HOST:PORT.")
  String target;

  @Option(
      names = "--tls-provider",
      defaultValue = "openssl",
      description = "openssl (BoringSSL, default) or jdk.")
  String tlsProvider;

  @Option(
      names = "--protocols",
      split = ",",
      description = "TLS versions, e.g. TLSv1.2,TLSv1.3 (default).")
  List<String> protocols;

  @Option(
      names = "--ciphers",
      split = ",",
      description =
          "TLS 1.2 cipher suites, OpenSSL or IANA names (default: ECDHE AES-GCM/ChaCha20).")
  List<String> ciphers;

  @Option(
      names = "--admin",
      description =
          "Admin endpoint HOST:PORT (health, status, metrics, reload); none unless given, so"
              + " several quick gateways can run on one host.")
  String admin;

  @Option(
      names = "--admin-token-file",
      defaultValue = "admin-token",
      description =
          "File with the admin endpoint's bearer token, generated when absent (default"
              + " ${DEFAULT-VALUE}).")
  Path adminTokenFile;

  @Option(names = "--name", defaultValue = "quick", description = "Listener and node name.")
  String name;

  NodeConfig node() {
    TlsProviderKind provider =
        switch (tlsProvider) {
          case "openssl" -> TlsProviderKind.OPENSSL;
          case "jdk" -> TlsProviderKind.JDK;
          default ->
              throw new IllegalArgumentException(
                  "--tls-provider: expected openssl or jdk, got '" + tlsProvider + "'");
        };
    AdminConfig adminConfig =
        admin == null
            ? AdminConfig.OFF
            : AdminConfig.on(HostPort.parse(admin), adminTokenFile.toAbsolutePath());
    return new NodeConfig(name, provider, adminConfig, null, null, null, null, null, null, null);
  }

  List<TlsVersion> protocols() {
    if (protocols == null) {
      return null;
    }
    return protocols.stream()
        .map(
            p -> {
              for (TlsVersion v : TlsVersion.values()) {
                if (v.protocolName().equals(p)) {
                  return v;
                }
              }
              throw new IllegalArgumentException("--protocols: unknown TLS version '" + p + "'");
            })
        .toList();
  }
}
