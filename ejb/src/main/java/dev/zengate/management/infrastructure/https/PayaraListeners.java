package dev.zengate.management.infrastructure.https;

import dev.zengate.bundle.TlsSuites;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Payara's listeners as Zengate serves them, written as the asadmin commands Payara Micro runs
 * before it boots ({@code --prebootcommandfile}): HTTPS with the given key store, TLS 1.2 and 1.3
 * only with the gateways' suites, HSTS; the plain HTTP listener off unless configured, and then on
 * loopback.
 */
public final class PayaraListeners {

  private static final String NETWORK = "configs.config.server-config.network-config.";
  private static final String SSL = NETWORK + "protocols.protocol.https-listener.ssl.";
  private static final String HTTPS =
      NETWORK + "network-listeners.network-listener.https-listener.";
  private static final String HTTP = NETWORK + "network-listeners.network-listener.http-listener.";

  private PayaraListeners() {}

  /** The commands; they hold the key store's password, so their file must be private. */
  public static List<String> commands(HttpsSettings settings, Path keyStore, String password) {
    List<String> commands = new ArrayList<>();
    commands.add("set " + SSL + "key-store=" + keyStore.toAbsolutePath());
    commands.add("set " + SSL + "key-store-password=" + password);
    commands.add("set " + SSL + "cert-nickname=" + HttpsCertificate.ALIAS);
    commands.add("set " + SSL + "tls12-enabled=true");
    commands.add("set " + SSL + "tls13-enabled=true");
    commands.add("set " + SSL + "ssl3-tls-ciphers=" + suites());
    commands.add("set " + SSL + "hsts-enabled=true");
    commands.add("set " + HTTPS + "enabled=true");
    commands.add("set " + HTTPS + "address=" + settings.httpsAddress());
    commands.add("set " + HTTPS + "port=" + settings.httpsPort());
    if (settings.httpPort() == null) {
      commands.add("set " + HTTP + "enabled=false");
    } else {
      commands.add("set " + HTTP + "enabled=true");
      commands.add("set " + HTTP + "address=127.0.0.1");
      commands.add("set " + HTTP + "port=" + settings.httpPort());
    }
    return commands;
  }

  /** Writes {@code commands} to {@code file}, readable by its owner only. */
  public static void write(Path file, List<String> commands) {
    SecretFiles.write(file, String.join("\n", commands) + "\n");
  }

  private static String suites() {
    return Stream.concat(TlsSuites.TLS13.stream(), TlsSuites.TLS12.stream())
        .map(suite -> "+" + suite)
        .collect(Collectors.joining(","));
  }
}
