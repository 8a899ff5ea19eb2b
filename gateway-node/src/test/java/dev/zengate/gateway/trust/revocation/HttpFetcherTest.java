package dev.zengate.gateway.trust.revocation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Revocation downloads come over plain HTTP from servers the gateway does not control: a body
 * larger than the cap is abandoned while it streams, and a body that trickles in is abandoned when
 * the fetch's time is up, both without reading the rest.
 */
class HttpFetcherTest {

  private static final int CAP = 1024 * 1024;

  private final ExecutorService executor = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void aBodyWithinTheCapIsReturned() throws Exception {
    byte[] body = "crl".getBytes(StandardCharsets.US_ASCII);
    try (RawHttpServer server = new RawHttpServer(executor, out -> out.write(body), body.length)) {
      byte[] fetched = fetcher(Duration.ofSeconds(5)).get(server.url()).get(10, TimeUnit.SECONDS);
      assertArrayEquals(body, fetched);
    }
  }

  @Test
  void aStreamedBodyIsAbandonedAtTheCap() throws Exception {
    long offered = 64L * 1024 * 1024;
    try (RawHttpServer server = new RawHttpServer(executor, out -> stream(out, offered, 0), -1)) {
      CompletableFuture<byte[]> fetch = fetcher(Duration.ofSeconds(20)).get(server.url());
      ExecutionException failed =
          assertThrows(ExecutionException.class, () -> fetch.get(15, TimeUnit.SECONDS));
      assertTrue(HttpFetcher.describe(failed).contains("larger than " + CAP), failed.toString());
      server.awaitDone();
      assertTrue(
          server.written() < 16L * 1024 * 1024,
          "stopped reading near the cap, the server wrote " + server.written());
    }
  }

  @Test
  void aDeclaredLengthOverTheCapIsRefusedBeforeTheBody() throws Exception {
    try (RawHttpServer server =
        new RawHttpServer(executor, out -> stream(out, 8L * CAP, 0), 8L * CAP)) {
      ExecutionException failed =
          assertThrows(
              ExecutionException.class,
              () -> fetcher(Duration.ofSeconds(20)).get(server.url()).get(15, TimeUnit.SECONDS));
      assertTrue(HttpFetcher.describe(failed).contains("larger than " + CAP), failed.toString());
    }
  }

  @Test
  void aTricklingBodyIsAbandonedWhenTheTimeIsUp() throws Exception {
    try (RawHttpServer server = new RawHttpServer(executor, out -> stream(out, 10_000, 50), -1)) {
      long start = System.nanoTime();
      ExecutionException failed =
          assertThrows(
              ExecutionException.class,
              () -> fetcher(Duration.ofSeconds(1)).get(server.url()).get(15, TimeUnit.SECONDS));
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertEquals("timed out", HttpFetcher.describe(failed));
      assertTrue(millis < 5_000, "gave up after " + millis + " ms");
      server.awaitDone();
      assertTrue(server.written() < 10_000, "the connection was closed: " + server.written());
    }
  }

  private HttpFetcher fetcher(Duration timeout) {
    return new HttpFetcher(null, timeout, executor, CAP);
  }

  /** Writes {@code total} bytes in 64 KiB chunks, or one byte per {@code delayMillis}. */
  private static void stream(OutputStream out, long total, long delayMillis) throws Exception {
    byte[] chunk = new byte[delayMillis > 0 ? 1 : 64 * 1024];
    for (long sent = 0; sent < total; sent += chunk.length) {
      out.write(chunk);
      out.flush();
      if (delayMillis > 0) {
        Thread.sleep(delayMillis);
      }
    }
  }

  interface Body {
    void write(OutputStream out) throws Exception;
  }

  /** One-connection HTTP/1.1 server on loopback that counts the body bytes it got written. */
  static final class RawHttpServer implements AutoCloseable {
    private final ServerSocket socket;
    private final AtomicLong written = new AtomicLong();
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    RawHttpServer(ExecutorService executor, Body body, long contentLength) throws IOException {
      socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
      executor.execute(
          () -> {
            try (Socket client = socket.accept()) {
              InputStream in = client.getInputStream();
              readHeaders(in);
              OutputStream raw = client.getOutputStream();
              String length = contentLength >= 0 ? "Content-Length: " + contentLength + "\r\n" : "";
              raw.write(
                  ("HTTP/1.1 200 OK\r\nContent-Type: application/pkix-crl\r\n"
                          + length
                          + "Connection: close\r\n\r\n")
                      .getBytes(StandardCharsets.US_ASCII));
              body.write(new CountingStream(raw, written));
            } catch (Exception closedByTheClient) {
              // Expected when the fetcher gives up.
            } finally {
              done.complete(null);
            }
          });
    }

    URI url() {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/ca.crl");
    }

    long written() {
      return written.get();
    }

    void awaitDone() throws Exception {
      done.get(15, TimeUnit.SECONDS);
    }

    private static void readHeaders(InputStream in) throws IOException {
      int matched = 0;
      byte[] end = {'\r', '\n', '\r', '\n'};
      while (matched < 4) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("client closed");
        }
        matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  private static final class CountingStream extends OutputStream {
    private final OutputStream out;
    private final AtomicLong count;

    CountingStream(OutputStream out, AtomicLong count) {
      this.out = out;
      this.count = count;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count.incrementAndGet();
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count.addAndGet(len);
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }
  }
}
