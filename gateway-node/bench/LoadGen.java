import java.io.FileInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Load generator and backends for gateway-node/bench/run.sh (run with `java LoadGen.java MODE ...`).
 *
 * <pre>
 * echo PORT                      plaintext echo backend
 * discard PORT                   plaintext backend that reads and drops
 * rr HOST:PORT CA CONNS SECONDS  keep-alive request/response (64 bytes) over CONNS TLS connections
 *                                (CA "-": plaintext connections, for the client function)
 * conn HOST:PORT THREADS SECONDS new plaintext connections, each one 64-byte request/response and a
 *                                close, from THREADS threads (client function: one upstream
 *                                handshake each); prints connections and failed ones
 * bulk HOST:PORT CA MIB          upload MIB MiB through one TLS connection (to a discard backend)
 * idle HOST:PORT CA COUNT        open COUNT TLS connections, print "ready", hold until stdin closes
 * </pre>
 */
public class LoadGen {

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "echo" -> backend(Integer.parseInt(args[1]), true);
      case "discard" -> backend(Integer.parseInt(args[1]), false);
      case "rr" -> requestResponse(args[1], context(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
      case "bulk" -> bulk(args[1], context(args[2]), Integer.parseInt(args[3]));
      case "idle" -> idle(args[1], context(args[2]), Integer.parseInt(args[3]));
      case "conn" -> connections(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  static void backend(int port, boolean echo) throws Exception {
    ServerSocket server = new ServerSocket();
    server.bind(new InetSocketAddress("127.0.0.1", port), 4096);
    // Threads are reused: the connection-rate rows open one backend connection per operation, and
    // creating a thread for each would cost the load CPU more than the connection itself.
    ExecutorService threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r);
      t.setDaemon(true);
      return t;
    });
    while (true) {
      Socket socket = server.accept();
      threads.execute(() -> {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
          byte[] buffer = new byte[16 * 1024];
          int n;
          while ((n = in.read(buffer)) >= 0) {
            if (echo) {
              out.write(buffer, 0, n);
            }
          }
        } catch (Exception ignored) {
          // Client went away.
        }
      });
    }
  }

  /** The trust context for CA file {@code caFile}, or null for "-" (plaintext). */
  static SSLContext context(String caFile) throws Exception {
    if (caFile.equals("-")) {
      return null;
    }
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    try (InputStream in = new FileInputStream(caFile)) {
      trust.setCertificateEntry("ca", (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return context;
  }

  /** A connected socket: TLS (handshake done) with a context, plaintext with null. */
  static Socket connect(String hostPort, SSLContext context) throws Exception {
    String[] hp = hostPort.split(":");
    Socket socket = context == null ? new Socket() : context.getSocketFactory().createSocket();
    socket.connect(new InetSocketAddress(hp[0], Integer.parseInt(hp[1])), 10_000);
    socket.setTcpNoDelay(true);
    if (socket instanceof SSLSocket tls) {
      tls.startHandshake();
    }
    return socket;
  }

  static void requestResponse(String target, SSLContext context, int conns, int seconds) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    List<long[]> latencies = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    long[] counts = new long[conns];
    List<Socket> sockets = new ArrayList<>();
    for (int i = 0; i < conns; i++) {
      sockets.add(connect(target, context));
      latencies.add(new long[500_000]);
    }
    long start = System.nanoTime();
    for (int i = 0; i < conns; i++) {
      int id = i;
      Thread t = new Thread(() -> {
        byte[] request = new byte[64];
        byte[] response = new byte[64];
        long[] mine = latencies.get(id);
        try {
          Socket s = sockets.get(id);
          OutputStream out = s.getOutputStream();
          InputStream in = s.getInputStream();
          while (!stop.get()) {
            long t0 = System.nanoTime();
            out.write(request);
            out.flush();
            int got = 0;
            while (got < 64) {
              int n = in.read(response, got, 64 - got);
              if (n < 0) {
                throw new java.io.EOFException("closed after " + got + " bytes");
              }
              got += n;
            }
            if (counts[id] < mine.length) {
              mine[(int) counts[id]] = System.nanoTime() - t0;
            }
            counts[id]++;
          }
        } catch (Exception e) {
          System.err.println("rr connection failed: " + e);
        }
      });
      threads.add(t);
      t.start();
    }
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    for (Thread t : threads) {
      t.join();
    }
    double wall = (System.nanoTime() - start) / 1e9;
    long total = Arrays.stream(counts).sum();
    long[] all = new long[(int) Math.min(total, Integer.MAX_VALUE - 8)];
    int k = 0;
    for (int i = 0; i < conns; i++) {
      for (int j = 0; j < Math.min(counts[i], latencies.get(i).length) && k < all.length; j++) {
        all[k++] = latencies.get(i)[j];
      }
    }
    Arrays.sort(all, 0, k);
    double p99ms = k == 0 ? 0 : all[(int) (k * 0.99)] / 1e6;
    System.out.printf("requests=%d wall=%.3f p99_ms=%.3f%n", total, wall, p99ms);
    for (Socket s : sockets) {
      s.close();
    }
  }

  static void bulk(String target, SSLContext context, int mib) throws Exception {
    try (Socket s = connect(target, context)) {
      OutputStream out = s.getOutputStream();
      byte[] chunk = new byte[256 * 1024];
      long start = System.nanoTime();
      for (int i = 0; i < mib * 4; i++) {
        out.write(chunk);
      }
      out.flush();
      double wall = (System.nanoTime() - start) / 1e9;
      System.out.printf("bytes=%d wall=%.3f%n", (long) mib * 1024 * 1024, wall);
    }
  }

  static void idle(String target, SSLContext context, int count) throws Exception {
    List<Socket> sockets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      sockets.add(connect(target, context));
    }
    System.out.println("ready " + sockets.size());
    System.out.flush();
    System.in.read();
    for (Socket s : sockets) {
      s.close();
    }
  }

  static void connections(String target, int threadCount, int seconds) throws Exception {
    String[] hp = target.split(":");
    InetSocketAddress address = new InetSocketAddress(hp[0], Integer.parseInt(hp[1]));
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong done = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < threadCount; i++) {
      Thread t = new Thread(() -> {
        byte[] request = new byte[64];
        byte[] response = new byte[64];
        Arrays.fill(request, (byte) 'x');
        while (!stop.get()) {
          try (Socket s = new Socket()) {
            s.connect(address, 10_000);
            s.setTcpNoDelay(true);
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request);
            InputStream in = s.getInputStream();
            int got = 0;
            while (got < 64) {
              int n = in.read(response, got, 64 - got);
              if (n < 0) {
                throw new java.io.EOFException("closed after " + got + " bytes");
              }
              got += n;
            }
            done.incrementAndGet();
          } catch (Exception e) {
            if (failed.incrementAndGet() <= 3) {
              System.err.println("conn failed: " + e);
            }
          }
        }
      });
      threads.add(t);
      t.start();
    }
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    for (Thread t : threads) {
      t.join();
    }
    double wall = (System.nanoTime() - start) / 1e9;
    System.out.printf("connections=%d wall=%.3f failed=%d%n", done.get(), wall, failed.get());
  }
}
