package dev.zengate.gateway.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;

/**
 * A one-connection backend that uses each direction of the connection on its own, as
 * request/response protocols that delimit the request by end of stream do. Plain TCP, or TLS 1.3
 * (where close_notify ends one direction only) when given an SSLContext.
 */
public final class HalfCloseBackend implements AutoCloseable {

  /** What the backend does with its one connection. */
  private interface Behaviour {
    void serve(Socket socket, CompletableFuture<String> received) throws Exception;
  }

  private final ServerSocket server;
  private final CompletableFuture<String> received = new CompletableFuture<>();
  private final Thread worker;

  private HalfCloseBackend(ServerSocket server, Behaviour behaviour) {
    this.server = server;
    this.worker =
        new Thread(
            () -> {
              try (Socket socket = server.accept()) {
                behaviour.serve(socket, received);
              } catch (Exception e) {
                received.completeExceptionally(e);
              }
            },
            "half-close-backend");
    worker.setDaemon(true);
    worker.start();
  }

  /**
   * Reads the request until the end of its input, then, a little later (so the answer cannot
   * overtake the end of the request), answers {@code "got " + request} and closes.
   */
  public static HalfCloseBackend answeringAfterEndOfRequest(SSLContext tls) throws IOException {
    return new HalfCloseBackend(
        listen(tls),
        (socket, received) -> {
          String request = readToEnd(socket.getInputStream());
          received.complete(request);
          Thread.sleep(300);
          OutputStream out = socket.getOutputStream();
          out.write(("got " + request).getBytes(StandardCharsets.US_ASCII));
          out.flush();
        });
  }

  /**
   * Sends {@code greeting} and ends its output at once (FIN, or close_notify on TLS), then reads
   * what the client still sends until the end of input.
   */
  public static HalfCloseBackend speakingFirstThenListening(SSLContext tls, String greeting)
      throws IOException {
    return new HalfCloseBackend(
        listen(tls),
        (socket, received) -> {
          if (tls != null) {
            // TLS 1.3 sends its session tickets after the handshake; complete it before
            // half-closing.
            ((javax.net.ssl.SSLSocket) socket).startHandshake();
          }
          socket.getOutputStream().write(greeting.getBytes(StandardCharsets.US_ASCII));
          socket.getOutputStream().flush();
          socket.shutdownOutput();
          received.complete(readToEnd(socket.getInputStream()));
        });
  }

  public int port() {
    return server.getLocalPort();
  }

  /** What the backend read from the client, complete once the client ended its output. */
  public CompletableFuture<String> received() {
    return received;
  }

  private static ServerSocket listen(SSLContext tls) throws IOException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    if (tls == null) {
      return new ServerSocket(0, 1, loopback);
    }
    javax.net.ssl.SSLServerSocket socket =
        (javax.net.ssl.SSLServerSocket)
            tls.getServerSocketFactory().createServerSocket(0, 1, loopback);
    socket.setEnabledProtocols(new String[] {"TLSv1.3"});
    return socket;
  }

  private static String readToEnd(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    server.close();
    worker.interrupt();
  }
}
