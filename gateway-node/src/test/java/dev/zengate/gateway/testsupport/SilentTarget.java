package dev.zengate.gateway.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback port that never answers a SYN: a listener with a backlog of 1 that never accepts, its
 * accept queue filled, so Linux drops further SYNs (before any syncookie handling) and a connect
 * hangs until the connecting side gives up. Construction proves it by watching one connect time
 * out.
 */
public final class SilentTarget implements AutoCloseable {

  private final ServerSocket server;
  private final List<Socket> queued = new ArrayList<>();

  public SilentTarget() throws IOException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    server = new ServerSocket(0, 1, loopback);
    for (int attempt = 0; attempt < 16; attempt++) {
      Socket socket = new Socket();
      try {
        socket.connect(new InetSocketAddress(loopback, server.getLocalPort()), 300);
        queued.add(socket);
      } catch (SocketTimeoutException full) {
        socket.close();
        return;
      }
    }
    close();
    throw new IllegalStateException("the accept queue never filled: SYNs are not being dropped");
  }

  public int port() {
    return server.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    for (Socket socket : queued) {
      socket.close();
    }
    server.close();
  }
}
