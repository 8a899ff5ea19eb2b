package dev.zengate.gateway.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * A backend that echoes every byte and closes its output when the input ends. Plain TCP, or TLS
 * when given an SSLContext. Remembers the addresses that connected.
 */
public final class EchoServer implements AutoCloseable {

  private final ServerSocket server;
  private final List<InetSocketAddress> peers = new CopyOnWriteArrayList<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  private EchoServer(ServerSocket server) {
    this.server = server;
    this.acceptor = new Thread(this::acceptLoop, "echo-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public static EchoServer plain() throws IOException {
    return new EchoServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
  }

  public static EchoServer tls(SSLContext context) throws IOException {
    return tls(context, false);
  }

  /** A TLS echo backend; {@code requireClientCertificate} makes it demand one. */
  public static EchoServer tls(SSLContext context, boolean requireClientCertificate)
      throws IOException {
    SSLServerSocket socket =
        (SSLServerSocket)
            context
                .getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    socket.setNeedClientAuth(requireClientCertificate);
    return new EchoServer(socket);
  }

  public int port() {
    return server.getLocalPort();
  }

  public List<InetSocketAddress> peers() {
    return peers;
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        sockets.add(socket);
        peers.add((InetSocketAddress) socket.getRemoteSocketAddress());
        Thread worker = new Thread(() -> echo(socket), "echo-conn");
        worker.setDaemon(true);
        worker.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private static void echo(Socket socket) {
    try (socket;
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream()) {
      byte[] buffer = new byte[64 * 1024];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        out.flush();
      }
      if (!(socket instanceof javax.net.ssl.SSLSocket)) {
        socket.shutdownOutput();
      }
    } catch (IOException e) {
      // The peer went away; nothing to echo to.
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : sockets) {
      s.close();
    }
  }
}
