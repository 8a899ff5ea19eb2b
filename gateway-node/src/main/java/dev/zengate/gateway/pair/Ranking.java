package dev.zengate.gateway.pair;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Which of two pair members ranks higher: the higher priority, then the configured tie-break
 * (higher node name, or higher heartbeat address), then the heartbeat address, which always differs
 * between the two members, so exactly one of them ranks higher.
 */
final class Ranking {

  /** One side of the comparison. */
  record Member(int priority, String name, InetSocketAddress address) {}

  private Ranking() {}

  /** True when {@code self} ranks higher than {@code other}. */
  static boolean outranks(Member self, Member other, boolean byName) {
    int c = Integer.compare(self.priority(), other.priority());
    if (c == 0 && byName) {
      c = Arrays.compareUnsigned(utf8(self.name()), utf8(other.name()));
    }
    if (c == 0) {
      c = Arrays.compareUnsigned(addressKey(self.address()), addressKey(other.address()));
    }
    return c > 0;
  }

  private static byte[] utf8(String name) {
    return name.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] addressKey(InetSocketAddress address) {
    byte[] ip = address.getAddress().getAddress();
    return ByteBuffer.allocate(ip.length + 2).put(ip).putShort((short) address.getPort()).array();
  }
}
