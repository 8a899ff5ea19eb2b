package dev.zengate.gateway.cli;

import dev.zengate.gateway.config.CertificateConfig;
import dev.zengate.gateway.config.ConfigSource;
import dev.zengate.gateway.config.GatewayConfig;
import dev.zengate.gateway.config.InvalidConfigException;
import dev.zengate.gateway.config.ListenerConfig;
import dev.zengate.gateway.config.PairConfig;
import dev.zengate.gateway.config.RevocationConfig;
import dev.zengate.gateway.config.TlsVersion;
import dev.zengate.gateway.proxy.CompiledConfig;
import dev.zengate.gateway.proxy.ConfigCompiler;
import dev.zengate.gateway.reload.ConfigReloader;
import dev.zengate.gateway.tls.CertifiedKey;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code check --config FILE}: validates everything a start would, without listening. */
@Command(
    name = "check",
    description =
        "Validate a configuration file (including certificate files) and show what it serves.")
final class CheckCommand implements Callable<Integer> {

  @Option(names = "--config", required = true, description = "Configuration file (YAML).")
  Path config;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CompiledConfig compiled;
    try {
      compiled = ConfigCompiler.compile(ConfigSource.read(config));
    } catch (InvalidConfigException e) {
      err.println(e.getMessage());
      err.flush();
      return GatewayCommand.EXIT_INVALID_CONFIG;
    }
    describe(out, compiled);
    out.flush();
    compiled.release();
    return 0;
  }

  static void describe(PrintWriter out, CompiledConfig compiled) {
    GatewayConfig c = compiled.config();
    out.printf(
        "configuration OK: node %s, tls provider %s, version %s%n",
        c.node().name(),
        c.node().tlsProvider().name().toLowerCase(),
        ConfigReloader.shortVersion(compiled.version()));
    if (c.node().admin().isEnabled()) {
      out.printf(
          "admin endpoint: http://%s/ (health, status, metrics, reload; token in %s)%n",
          c.node().admin().listen(), c.node().admin().tokenFile());
    } else {
      out.println("admin endpoint: none");
    }
    for (var entry : c.certificates().entrySet()) {
      CertifiedKey key = compiled.materials().certificate(entry.getKey());
      CertificateConfig source = entry.getValue();
      out.printf(
          "certificate %s: %s, %s, chain of %d, expires %s (%s)%n",
          entry.getKey(),
          key.leaf().getSubjectX500Principal().getName(),
          key.describeKey(),
          key.chain().size(),
          key.leaf().getNotAfter().toInstant(),
          source.pkcs12() != null ? source.pkcs12() : source.chain());
    }
    for (var entry : c.trust().entrySet()) {
      out.printf(
          "trust set %s: %d CA certificate(s)%n",
          entry.getKey(), compiled.materials().trustSet(entry.getKey()).size());
    }
    if (c.pair() != null) {
      PairConfig p = c.pair();
      out.printf(
          "pair %s: heartbeat %s <-> %s, priority %d, preempt %s, advert %dms, dead %dms,"
              + " tie-break %s, %s, %s%s%n",
          p.id(),
          p.listen(),
          p.peer(),
          p.priority(),
          p.preempt(),
          p.advertInterval().toMillis(),
          p.effectiveDeadInterval().toMillis(),
          p.tieBreak().name().toLowerCase(),
          p.secret() != null || p.secretFile() != null
              ? "HMAC-authenticated"
              : "NOT authenticated (no secret)",
          p.serveWhenBackup() ? "backup serves too" : "backup refuses connections",
          p.hooks().onTransition().isEmpty() ? "" : ", hook " + p.hooks().onTransition());
    }
    out.printf("%d listener(s):%n", c.listeners().size());
    for (ListenerConfig l : c.listeners()) {
      StringBuilder line = new StringBuilder();
      line.append(String.format("  %-20s %-10s %s -> %s", l.name(), mode(l), l.bind(), l.target()));
      if (l.downstreamTls() != null) {
        line.append(
            String.format(
                "  downstream[cert=%s clientAuth=%s %s%s]",
                l.downstreamTls().certificate(),
                l.downstreamTls().clientAuth().name().toLowerCase(),
                versions(l.downstreamTls().protocols()),
                revocation(l.downstreamTls().clientRevocation())));
      }
      if (l.upstreamTls() != null) {
        line.append(
            String.format(
                "  upstream[trust=%s verify=%s%s %s%s]",
                l.upstreamTls().trust(),
                l.upstreamTls().verifyName() != null
                    ? l.upstreamTls().verifyName()
                    : l.target().host(),
                l.upstreamTls().certificate() != null
                    ? " cert=" + l.upstreamTls().certificate()
                    : "",
                versions(l.upstreamTls().protocols()),
                revocation(l.upstreamTls().revocation())));
      }
      if (l.sourceAddress() != null) {
        line.append("  source=").append(l.sourceAddress());
      }
      out.println(line);
    }
  }

  private static String revocation(RevocationConfig r) {
    if (!r.enabled()) {
      return "";
    }
    return " revocation="
        + r.mode().name().toLowerCase()
        + (r.softFail() ? ",soft-fail" : ",hard-fail")
        + (r.acceptWithoutLocation() ? ",accept-without-location" : "")
        + (r.leafOnly() ? ",leaf-only" : "");
  }

  private static String mode(ListenerConfig l) {
    return l.mode().name().toLowerCase().replace('_', '-');
  }

  private static String versions(java.util.List<TlsVersion> versions) {
    return versions.stream().map(TlsVersion::protocolName).collect(Collectors.joining(","));
  }
}
