import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Failover probe for gateway-node/bench/failover.sh: {@code java FailoverProbe.java CA PORT...}.
 * Reads commands on stdin, one per line:
 *
 * <pre>
 * warm        20 successful TLS round trips through the pair (JIT and TLS warm-up); prints "warm"
 * kill PID    SIGKILL PID, then try new TLS connections (handshake + echoed line) on every PORT in
 *             turn until one succeeds; prints "served_ms=N port=P attempts=A"
 * </pre>
 *
 * The clock starts just before the signal is sent, so the figure is kill to first served
 * connection, as a client retrying both members of the pair would see it.
 */
public class FailoverProbe {

  static SSLContext context;
  static int[] ports;

  public static void main(String[] args) throws Exception {
    context = context(args[0]);
    ports = Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      String[] words = line.trim().split("\\s+");
      switch (words[0]) {
        case "warm" -> {
          int ok = 0;
          while (ok < 20) {
            if (anyServes() > 0) {
              ok++;
            }
          }
          System.out.println("warm");
        }
        case "kill" -> {
          ProcessHandle victim = ProcessHandle.of(Long.parseLong(words[1])).orElseThrow();
          long start = System.nanoTime();
          victim.destroyForcibly(); // SIGKILL on Linux
          int attempts = 0;
          int port;
          do {
            attempts++;
            port = anyServes();
            if (System.nanoTime() - start > 60_000_000_000L) {
              throw new IllegalStateException("nobody served within 60 s");
            }
          } while (port == 0);
          long ms = (System.nanoTime() - start) / 1_000_000;
          System.out.println("served_ms=" + ms + " port=" + port + " attempts=" + attempts);
        }
        default -> throw new IllegalArgumentException(line);
      }
      System.out.flush();
    }
  }

  /** The port that served one new TLS round trip, or 0 when none did (each refused or reset). */
  static int anyServes() throws InterruptedException {
    for (int port : ports) {
      try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        socket.setSoTimeout(2000);
        socket.startHandshake();
        socket.getOutputStream().write("ping\n".getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        byte[] back = socket.getInputStream().readNBytes(5);
        if (back.length == 5) {
          return port;
        }
      } catch (Exception refusedOrReset) {
        // not serving: try the other member
      }
    }
    Thread.sleep(2);
    return 0;
  }

  static SSLContext context(String caFile) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    try (InputStream in = new FileInputStream(caFile)) {
      X509Certificate ca =
          (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      trust.setCertificateEntry("ca", ca);
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return context;
  }
}
