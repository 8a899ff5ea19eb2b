package dev.zengate.gateway.cli;

import dev.zengate.gateway.tls.JdkLegacyVersions;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code zengate-gateway.jar}. */
@Command(
    name = "zengate-gateway",
    mixinStandardHelpOptions = true,
    version = "zengate-gateway 0.1.0",
    description =
        "Zengate TLS gateway node: virtual servers and virtual clients for TCP protocols.",
    subcommands = {
      CheckCommand.class,
      RunCommand.class,
      ServerCommand.class,
      ClientCommand.class,
      EnrollCommand.class,
      ManagedCommand.class,
      dev.zengate.gateway.trust.cli.VerifyCommand.class,
      CommandLine.HelpCommand.class
    })
public final class GatewayCommand implements Runnable {

  /** Configuration is invalid: the one-line reason has been printed. */
  public static final int EXIT_INVALID_CONFIG = 2;

  /** The node could not start or failed while running. */
  public static final int EXIT_FAILURE = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs a command line in-process and returns its exit code (used by tests too). */
  public static int execute(String... args) {
    LoggingSetup.configure();
    return new CommandLine(new GatewayCommand()).execute(args);
  }

  /** Runs a command line in-process with its output captured (used by tests). */
  public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
    LoggingSetup.configure();
    return new CommandLine(new GatewayCommand()).setOut(out).setErr(err).execute(args);
  }

  public static void main(String[] args) {
    // Before any JSSE class initializes: the JDK reads its disabled TLS versions only once.
    JdkLegacyVersions.leaveToListeners();
    System.exit(execute(args));
  }
}
