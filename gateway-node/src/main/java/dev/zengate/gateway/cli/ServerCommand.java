package dev.zengate.gateway.cli;

import dev.zengate.gateway.config.CertificateConfig;
import dev.zengate.gateway.config.ClientAuthPolicy;
import dev.zengate.gateway.config.DownstreamTls;
import dev.zengate.gateway.config.GatewayConfig;
import dev.zengate.gateway.config.HostPort;
import dev.zengate.gateway.config.ListenerConfig;
import dev.zengate.gateway.config.ListenerMode;
import dev.zengate.gateway.config.TrustConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Quick virtual server: terminate TLS on --listen, forward plaintext to --target. */
@Command(name = "server", description = "Terminate TLS and forward plaintext (virtual server).")
final class ServerCommand extends QuickCommand {

  @Mixin QuickOptions options;

  @Option(
      names = "--cert",
      required = true,
      description = "Server certificate (leaf first; PEM/DER).")
  Path cert;

  @Option(names = "--key", required = true, description = "Private key (PEM/DER, PKCS#8/1, SEC1).")
  Path key;

  @Option(names = "--chain", description = "Intermediate certificates to send after the leaf.")
  Path chain;

  @Option(
      names = "--key-passphrase-file",
      description =
          "File whose first line is the passphrase of an encrypted key (never on the command"
              + " line, which every local user can read).")
  Path passphraseFile;

  @Option(names = "--client-ca", description = "CA certificates that issue client certificates.")
  List<Path> clientCa;

  @Option(
      names = "--client-auth",
      description = "none, optional or require(d); require when --client-ca is given.")
  String clientAuth;

  @Option(
      names = "--internal",
      description =
          "Clients come from the internal network: allows --protocols TLSv1,TLSv1.1 for old ones.")
  boolean internal;

  @Override
  GatewayConfig toConfig() {
    ClientAuthPolicy auth = clientAuthPolicy();
    Map<String, TrustConfig> trust =
        clientCa == null ? Map.of() : Map.of("client-ca", new TrustConfig(clientCa));
    DownstreamTls tls =
        new DownstreamTls(
            "server",
            auth,
            clientCa == null ? null : "client-ca",
            options.protocols(),
            options.ciphers,
            null,
            internal,
            null,
            null);
    ListenerConfig listener =
        new ListenerConfig(
            options.name,
            ListenerMode.SERVER,
            HostPort.parse(options.listen),
            HostPort.parse(options.target),
            tls,
            null,
            null,
            null);
    CertificateConfig certificate =
        new CertificateConfig(cert, chain, key, null, null, absolute(passphraseFile));
    return new GatewayConfig(
        options.node(), Map.of("server", certificate), trust, List.of(listener));
  }

  private ClientAuthPolicy clientAuthPolicy() {
    if (clientAuth == null) {
      return clientCa == null ? ClientAuthPolicy.NONE : ClientAuthPolicy.REQUIRED;
    }
    return switch (clientAuth) {
      case "none" -> ClientAuthPolicy.NONE;
      case "optional" -> ClientAuthPolicy.OPTIONAL;
      case "require", "required" -> ClientAuthPolicy.REQUIRED;
      default ->
          throw new IllegalArgumentException(
              "--client-auth: expected none, optional or require, got '" + clientAuth + "'");
    };
  }

  private static Path absolute(Path file) {
    return file == null ? null : file.toAbsolutePath();
  }
}
