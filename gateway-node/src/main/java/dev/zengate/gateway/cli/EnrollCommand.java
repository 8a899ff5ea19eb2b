package dev.zengate.gateway.cli;

import dev.zengate.bundle.BundleJson;
import dev.zengate.bundle.Enrollment;
import dev.zengate.bundle.EnrollmentToken;
import dev.zengate.gateway.managed.ChannelKey;
import dev.zengate.gateway.managed.EnrollmentClient;
import dev.zengate.gateway.managed.EnrollmentClient.EnrollmentRefusedException;
import dev.zengate.gateway.managed.NodeKeys;
import dev.zengate.gateway.managed.StateDir;
import dev.zengate.gateway.trust.TrustParsers;
import dev.zengate.gateway.trust.UnusableInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code enroll --server URL --token TOKEN --state-dir DIR}: makes this node known to the
 * management server and pins the server's bundle-signing key.
 */
@Command(
    name = "enroll",
    description = {
      "Enroll this node with the management server: generate the node's X25519 key (kept in the"
          + " state directory), send its public key with the one-time token, and pin the server's"
          + " signing key after checking it against the token's fingerprint.",
      "Exit: 0 enrolled, 1 refused (by the server, or the server is not the one the token names),"
          + " 2 unusable input."
    })
final class EnrollCommand implements Callable<Integer> {

  static final int EXIT_REFUSED = 1;
  static final int EXIT_UNUSABLE = 2;

  @Option(names = "--server", required = true, description = "Management server base URL.")
  String server;

  @Option(names = "--token", required = true, description = "Enrollment token (zge1.…).")
  String token;

  @Option(names = "--state-dir", required = true, description = "Node state directory.")
  Path stateDir;

  @Option(
      names = "--server-ca",
      paramLabel = "FILE",
      description =
          "PEM file of the CA that issued the management server's HTTPS certificate (its"
              + " generated CA is var/tls/ca.crt); default: the JDK's CAs.")
  Path serverCa;

  @Option(names = "--force", description = "Enroll again over an existing enrollment.")
  boolean force;

  @Option(
      names = "--timeout",
      defaultValue = "30s",
      description = "HTTP timeout (default ${DEFAULT-VALUE}).")
  String timeout;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      return enroll(out, err);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private int enroll(PrintWriter out, PrintWriter err) {
    EnrollmentToken parsed;
    EnrollmentClient client;
    StateDir state;
    try {
      parsed = EnrollmentToken.parse(token);
      client =
          new EnrollmentClient(
              server,
              dev.zengate.gateway.config.DurationParser.parse(timeout),
              serverCa == null ? null : TrustParsers.certificates(serverCa));
    } catch (UnusableInputException e) {
      err.println("enroll: --server-ca " + e.getMessage());
      return EXIT_UNUSABLE;
    } catch (IllegalArgumentException e) {
      err.println("enroll: " + e.getMessage());
      return EXIT_UNUSABLE;
    }
    try {
      state = StateDir.open(stateDir);
    } catch (IOException e) {
      err.println("enroll: state directory " + stateDir + " unusable: " + e.getMessage());
      return EXIT_UNUSABLE;
    }
    if (!force && Files.exists(state.enrollment())) {
      err.println(
          "enroll: "
              + state.enrollment()
              + " exists: this node is already enrolled (use --force to enroll again)");
      return EXIT_UNUSABLE;
    }
    if (client.plainTextOverNetwork()) {
      err.println(
          "warning: "
              + client.endpoint()
              + " is plain http over the network: the token can be read on the way; use https");
    }
    NodeKeys keys = NodeKeys.generate();
    ChannelKey channelKey = ChannelKey.generate();
    Enrollment enrollment;
    try {
      enrollment = client.enroll(parsed, keys, channelKey);
    } catch (EnrollmentRefusedException e) {
      err.println("enroll: " + e.getMessage());
      return EXIT_REFUSED;
    } catch (javax.net.ssl.SSLHandshakeException e) {
      err.println(
          "enroll: "
              + client.endpoint()
              + " presented a certificate this node does not trust (name the CA that issued it"
              + " with --server-ca FILE; the management server's generated CA is var/tls/ca.crt): "
              + e.getMessage());
      return EXIT_REFUSED;
    } catch (IOException e) {
      err.println("enroll: cannot reach " + client.endpoint() + ": " + e);
      return EXIT_REFUSED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return EXIT_REFUSED;
    }
    try {
      keys.store(state);
      channelKey.store(state);
      StateDir.writeAtomically(state.enrollment(), BundleJson.canonicalText(enrollment));
    } catch (IOException e) {
      err.println("enroll: cannot write " + state.path() + ": " + e.getMessage());
      return EXIT_UNUSABLE;
    }
    out.println(
        "enrolled node "
            + enrollment.nodeId()
            + " ("
            + enrollment.nodeName()
            + ") of pair "
            + enrollment.pairName()
            + "; node channel "
            + enrollment.channelEndpoints()
            + "; state in "
            + state.path());
    return 0;
  }
}
