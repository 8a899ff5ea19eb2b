package dev.zengate.gateway.cli;

import dev.zengate.gateway.config.CertificateConfig;
import dev.zengate.gateway.config.GatewayConfig;
import dev.zengate.gateway.config.HostPort;
import dev.zengate.gateway.config.ListenerConfig;
import dev.zengate.gateway.config.ListenerMode;
import dev.zengate.gateway.config.TrustConfig;
import dev.zengate.gateway.config.UpstreamTls;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Quick virtual client: accept plaintext on --listen, open TLS to --target. */
@Command(name = "client", description = "Accept plaintext and originate TLS (virtual client).")
final class ClientCommand extends QuickCommand {

  @Mixin QuickOptions options;

  @Option(names = "--ca", required = true, description = "CA certificates trusted for the server.")
  List<Path> ca;

  @Option(names = "--cert", description = "Client certificate to present (leaf first).")
  Path cert;

  @Option(names = "--key", description = "Private key of the client certificate.")
  Path key;

  @Option(
      names = "--key-passphrase-file",
      description =
          "File whose first line is the passphrase of an encrypted key (never on the command"
              + " line, which every local user can read).")
  Path passphraseFile;

  @Option(
      names = "--verify-name",
      description = "DNS name or IP the server certificate must carry (default: the target host).")
  String verifyName;

  @Option(names = "--source-address", description = "Local IP address for outgoing connections.")
  String sourceAddress;

  @Override
  GatewayConfig toConfig() {
    if ((cert == null) != (key == null)) {
      throw new IllegalArgumentException("--cert and --key go together");
    }
    Map<String, CertificateConfig> certificates =
        cert == null
            ? Map.of()
            : Map.of(
                "client",
                new CertificateConfig(cert, null, key, null, null, absolute(passphraseFile)));
    UpstreamTls tls =
        new UpstreamTls(
            "server-ca",
            verifyName,
            cert == null ? null : "client",
            List.of(),
            false,
            options.protocols(),
            options.ciphers,
            null,
            null);
    ListenerConfig listener =
        new ListenerConfig(
            options.name,
            ListenerMode.CLIENT,
            HostPort.parse(options.listen),
            HostPort.parse(options.target),
            null,
            tls,
            sourceAddress,
            null);
    return new GatewayConfig(
        options.node(), certificates, Map.of("server-ca", new TrustConfig(ca)), List.of(listener));
  }

  private static Path absolute(Path file) {
    return file == null ? null : file.toAbsolutePath();
  }
}
