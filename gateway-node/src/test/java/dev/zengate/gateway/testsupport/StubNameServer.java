package dev.zengate.gateway.testsupport;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A DNS server on 127.0.0.1 (UDP) that answers every query "no such name" (NXDOMAIN) and remembers
 * the names asked: lets tests resolve through DNS without any traffic leaving the machine.
 */
public final class StubNameServer implements AutoCloseable {

  private static final int NXDOMAIN_FLAGS =
      0x8183; // response, recursion desired+available, rcode 3

  private final DatagramSocket socket;
  private final List<String> asked = new CopyOnWriteArrayList<>();
  private final Thread thread;

  public StubNameServer() throws IOException {
    socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    thread = new Thread(this::serve, "stub-name-server");
    thread.setDaemon(true);
    thread.start();
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** The names queried so far, lower case, without the trailing dot. */
  public List<String> asked() {
    return asked;
  }

  private void serve() {
    byte[] buffer = new byte[1500];
    while (!socket.isClosed()) {
      try {
        DatagramPacket query = new DatagramPacket(buffer, buffer.length);
        socket.receive(query);
        byte[] answer = nxdomain(query.getData(), query.getLength());
        if (answer != null) {
          socket.send(new DatagramPacket(answer, answer.length, query.getSocketAddress()));
        }
      } catch (IOException closed) {
        return;
      }
    }
  }

  /** The header with the query's id and one question copied, the flags of a negative answer. */
  private byte[] nxdomain(byte[] query, int length) {
    if (length < 12) {
      return null;
    }
    int offset = 12;
    StringBuilder name = new StringBuilder();
    while (offset < length && query[offset] != 0) {
      int label = query[offset] & 0xff;
      if (name.length() > 0) {
        name.append('.');
      }
      name.append(new String(query, offset + 1, label, java.nio.charset.StandardCharsets.US_ASCII));
      offset += 1 + label;
    }
    int questionEnd = offset + 1 + 4; // root label, QTYPE, QCLASS
    if (questionEnd > length) {
      return null;
    }
    asked.add(name.toString().toLowerCase());
    byte[] answer = new byte[questionEnd];
    System.arraycopy(query, 0, answer, 0, questionEnd);
    answer[2] = (byte) (NXDOMAIN_FLAGS >> 8);
    answer[3] = (byte) NXDOMAIN_FLAGS;
    answer[4] = 0;
    answer[5] = 1; // one question
    for (int i = 6; i < 12; i++) {
      answer[i] = 0; // no answer, authority or additional records
    }
    return answer;
  }

  @Override
  public void close() throws InterruptedException {
    socket.close();
    thread.join(2_000);
  }
}
