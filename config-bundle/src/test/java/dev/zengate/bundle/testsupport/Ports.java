package dev.zengate.bundle.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Free loopback ports for listeners a test configures by number, for the tests of every module. */
public final class Ports {

  /** Ports already handed out in this JVM, so that two calls never give the same one. */
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

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
      if (HANDED_OUT.contains(port)) {
        continue;
      }
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        HANDED_OUT.add(port);
        ports.add(port);
      } catch (IOException inUse) {
        // taken: try the next one
      }
    }
    return ports;
  }

  /**
   * One free loopback port, also outside the ephemeral range: a port the kernel picked for {@code
   * bind(0)} can be handed out again to the next {@code bind(0)} (a test's backend) before the node
   * binds it, which failed a CI run with "Address already in use".
   */
  public static int free() {
    return freeOutsideEphemeralRange(1).get(0);
  }
}
