package dev.zengate.gateway.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Free loopback ports for listeners a test configures by number. */
public final class Ports {

  private Ports() {}

  /**
   * {@code count} free loopback ports below Linux's ephemeral range (32768+), so that no socket the
   * test or the node opens later (an admin endpoint on port 0, an outgoing connection) can be
   * handed one of them by the kernel before the node binds them.
   */
  public static List<Integer> freeOutsideEphemeralRange(int count) {
    int start = 20_000 + ThreadLocalRandom.current().nextInt(10_000);
    List<Integer> ports = new ArrayList<>();
    for (int port = start; ports.size() < count; port = port + 1 < 32_768 ? port + 1 : 10_000) {
      if (port == start - 1) {
        throw new IllegalStateException("not " + count + " free ports below 32768");
      }
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        ports.add(port);
      } catch (IOException inUse) {
        // taken: try the next one
      }
    }
    return ports;
  }

  public static int free() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }
}
