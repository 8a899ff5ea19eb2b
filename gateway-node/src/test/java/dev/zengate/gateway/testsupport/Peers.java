package dev.zengate.gateway.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** Client-side helpers: connect, round trips, bulk transfers with checksums, openssl s_client. */
public final class Peers {

  private Peers() {}

  public static Socket plain(int port) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    socket.setSoTimeout(10_000);
    return socket;
  }

  public static SSLSocket tls(SSLContext context, int port, String... protocols)
      throws IOException {
    SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    socket.setSoTimeout(10_000);
    if (protocols.length > 0) {
      socket.setEnabledProtocols(protocols);
    }
    socket.startHandshake();
    return socket;
  }

  /** Sends a line and returns what comes back (the backends echo). */
  public static String roundTrip(Socket socket, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
    byte[] back = socket.getInputStream().readNBytes(bytes.length);
    return new String(back, StandardCharsets.UTF_8);
  }

  /**
   * Writes {@code size} random bytes while reading the echo concurrently; returns whether the
   * SHA-256 of what came back equals that of what was sent.
   */
  public static boolean echoIntact(Socket socket, long size) throws Exception {
    MessageDigest sent = MessageDigest.getInstance("SHA-256");
    MessageDigest received = MessageDigest.getInstance("SHA-256");
    CompletableFuture<Long> reader =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                while (total < size) {
                  int n = in.read(buffer, 0, (int) Math.min(buffer.length, size - total));
                  if (n < 0) {
                    break;
                  }
                  received.update(buffer, 0, n);
                  total += n;
                }
                return total;
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
    OutputStream out = socket.getOutputStream();
    Random random = new Random(42);
    byte[] chunk = new byte[64 * 1024];
    for (long written = 0; written < size; written += chunk.length) {
      random.nextBytes(chunk);
      int n = (int) Math.min(chunk.length, size - written);
      sent.update(chunk, 0, n);
      out.write(chunk, 0, n);
    }
    out.flush();
    long total = reader.get(120, TimeUnit.SECONDS);
    return total == size && MessageDigest.isEqual(sent.digest(), received.digest());
  }

  /** True when the peer closes (or resets) the connection without sending data. */
  public static boolean closedWithoutData(Socket socket) {
    try {
      socket.getOutputStream().write("hello\n".getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return socket.getInputStream().read() < 0;
    } catch (IOException e) {
      return true;
    }
  }

  /** Result of an {@code openssl s_client} run. */
  public record OpensslResult(int exit, String output) {}

  public static OpensslResult sClient(int port, String input, String... options) throws Exception {
    List<String> command =
        new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port, "-brief"));
    command.addAll(List.of(options));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      process.getOutputStream().write(input.getBytes(StandardCharsets.US_ASCII));
      process.getOutputStream().close();
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      CompletableFuture<Void> pump =
          CompletableFuture.runAsync(
              () -> {
                try {
                  process.getInputStream().transferTo(output);
                } catch (IOException ignored) {
                  // Process ended.
                }
              });
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      pump.get(5, TimeUnit.SECONDS);
      return new OpensslResult(process.exitValue(), output.toString(StandardCharsets.UTF_8));
    } finally {
      process.destroyForcibly();
    }
  }
}
