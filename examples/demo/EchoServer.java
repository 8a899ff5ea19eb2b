import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The demo "legacy server" of {@code ./zengate start}: a plaintext TCP echo service, standing in
 * for a Zengin TCP/IP server behind the gateway. Run with {@code java EchoServer.java HOST PORT}.
 */
public class EchoServer {

  public static void main(String[] args) throws IOException {
    InetAddress address = InetAddress.getByName(args.length > 0 ? args[0] : "127.0.0.1");
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 5020;
    try (ServerSocket server = new ServerSocket(port, 128, address)) {
      System.out.println("echo server listening on " + address.getHostAddress() + ":" + port);
      while (true) {
        Socket client = server.accept();
        Thread echo = new Thread(() -> echo(client), "echo-" + client.getRemoteSocketAddress());
        echo.setDaemon(true);
        echo.start();
      }
    }
  }

  private static void echo(Socket client) {
    try (client;
        InputStream in = client.getInputStream();
        OutputStream out = client.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException e) {
      System.out.println("connection from " + client.getRemoteSocketAddress() + " ended: " + e);
    }
  }
}
