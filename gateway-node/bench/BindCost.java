import dev.zengate.gateway.config.ConfigSource;
import dev.zengate.gateway.metrics.GatewayMetrics;
import dev.zengate.gateway.proxy.CompiledConfig;
import dev.zengate.gateway.proxy.ConfigCompiler;
import dev.zengate.gateway.proxy.ProxyEngine;
import dev.zengate.gateway.proxy.Transport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What binding listeners at takeover would cost, for gateway-node/bench/failover.sh:
 * {@code java -cp zengate-gateway.jar BindCost.java CERT KEY LISTENERS ROUNDS}. Compiles a
 * configuration with LISTENERS server listeners on 127.0.0.1:46000+, then ROUNDS times binds them
 * all (ProxyEngine.apply, as a reload or a bind-on-master design would) and closes them again;
 * prints the first (cold) time of the bind step, then the median and maximum of the others.
 */
public class BindCost {

  public static void main(String[] args) throws Exception {
    int count = Integer.parseInt(args[2]);
    int rounds = Integer.parseInt(args[3]);
    StringBuilder yaml =
        new StringBuilder(
            "node: {name: bind-cost, admin: {listen: 127.0.0.1:46999}}\ncertificates:\n  s: {chain: "
                + args[0] + ", key: " + args[1] + "}\nlisteners:\n");
    for (int i = 0; i < count; i++) {
      yaml.append("  - {name: l").append(i).append(", mode: server, bind: 127.0.0.1:")
          .append(46000 + i).append(", target: 127.0.0.1:44000, downstreamTls: {certificate: s}}\n");
    }
    Path file = Files.createTempFile("bind-cost", ".yaml");
    Files.writeString(file, yaml);
    CompiledConfig config = ConfigCompiler.compile(ConfigSource.read(file));
    long[] micros = new long[rounds];
    try (Transport transport = new Transport()) {
      for (int r = 0; r < rounds; r++) {
        ProxyEngine engine = new ProxyEngine(transport, new GatewayMetrics());
        long start = System.nanoTime();
        engine.apply(config.listeners(), Duration.ZERO);
        micros[r] = (System.nanoTime() - start) / 1000;
        engine.apply(List.of(), Duration.ZERO);
      }
    }
    Files.delete(file);
    long cold = micros[0];
    long[] warm = Arrays.copyOfRange(micros, 1, rounds);
    Arrays.sort(warm);
    System.out.printf(
        "bind %d listener(s): first %.2f ms (cold JVM), then median %.2f ms, max %.2f ms"
            + " over %d rounds%n",
        count, cold / 1000.0, warm[warm.length / 2] / 1000.0, warm[warm.length - 1] / 1000.0,
        warm.length);
  }
}
