package dev.zengate.gateway.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** A backend that writes {@code size} bytes to whoever connects, as fast as it is allowed to. */
public final class FirehoseServer implements AutoCloseable {

  private final ServerSocket server;

  public FirehoseServer(long size) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread thread =
        new Thread(
            () -> {
              try (Socket socket = server.accept();
                  OutputStream out = socket.getOutputStream()) {
                byte[] chunk = new byte[64 * 1024];
                for (long sent = 0; sent < size; sent += chunk.length) {
                  out.write(chunk, 0, (int) Math.min(chunk.length, size - sent));
                }
              } catch (IOException e) {
                // Test finished or peer gone.
              }
            },
            "firehose");
    thread.setDaemon(true);
    thread.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
