package dev.zengate.management.interfaces.rest;

import dev.zengate.bundle.channel.ChannelMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.StringReader;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A node channel client written for the tests, as an attacker holding a node's state directory (or
 * another CA's certificate) would write one: TLS 1.3 with whatever key it is given, then
 * length-prefixed JSON frames, any of them.
 */
final class ChannelPeer implements AutoCloseable {

  private final SSLSocket socket;
  private final DataInputStream in;
  private final DataOutputStream out;

  private ChannelPeer(SSLSocket socket) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(socket.getInputStream());
    this.out = new DataOutputStream(socket.getOutputStream());
  }

  /** Connects with the node's own channel key and certificate from its state directory. */
  static ChannelPeer asNode(Path stateDir) throws Exception {
    JsonObject enrollment = enrollment(stateDir);
    return connect(
        enrollment.getString("channelCa"),
        privateKey(Files.readString(stateDir.resolve("channel.key"))),
        certificate(enrollment.getString("channelCertificate")),
        endpoint(stateDir));
  }

  /** Connects with any key and certificate (null: none), trusting the node's pinned CA. */
  static ChannelPeer connect(
      String caPem, PrivateKey key, X509Certificate certificate, String endpoint) throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    if (key != null) {
      keys.setKeyEntry("node", key, new char[0], new Certificate[] {certificate});
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
    kmf.init(keys, new char[0]);
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", certificate(caPem));
    TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLSv1.3");
    context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    int colon = endpoint.lastIndexOf(':');
    SSLSocket socket =
        (SSLSocket)
            context
                .getSocketFactory()
                .createSocket(
                    endpoint.substring(0, colon), Integer.parseInt(endpoint.substring(colon + 1)));
    socket.setEnabledProtocols(new String[] {"TLSv1.3"});
    socket.setSoTimeout(10_000);
    socket.startHandshake();
    return new ChannelPeer(socket);
  }

  void send(ChannelMessage message) throws IOException {
    sendRaw(ChannelMessage.encode(message));
  }

  void sendRaw(byte[] frame) throws IOException {
    out.writeInt(frame.length);
    out.write(frame);
    out.flush();
  }

  /**
   * Writes {@code frame} {@code times} times, or until the member closes the connection meanwhile
   * (a write then fails: broken pipe, reset); returns how many frames were written.
   */
  int sendRawUntilClosed(byte[] frame, int times) {
    for (int i = 0; i < times; i++) {
      try {
        sendRaw(frame);
      } catch (IOException closedMeanwhile) {
        return i;
      }
    }
    return times;
  }

  /**
   * The next message other than a heartbeat, or null when the connection ends first (closed, or
   * reset by a member that closed with unread frames); fails after {@code within}.
   */
  ChannelMessage receiveUnlessClosed(Duration within) throws Exception {
    try {
      return receive(within);
    } catch (IOException closed) {
      return null;
    }
  }

  /** The next message other than a heartbeat; fails after {@code within}. */
  ChannelMessage receive(Duration within) throws Exception {
    Instant deadline = Instant.now().plus(within);
    while (Instant.now().isBefore(deadline)) {
      int length = in.readInt();
      byte[] frame = new byte[length];
      in.readFully(frame);
      ChannelMessage message = ChannelMessage.decode(frame);
      if (!(message instanceof ChannelMessage.Heartbeat)) {
        return message;
      }
    }
    throw new AssertionError("no message within " + within);
  }

  /** Reads until the member closes the connection; returns whether it did within the time. */
  boolean closedByMember(Duration within) throws IOException {
    Instant deadline = Instant.now().plus(within);
    socket.setSoTimeout(500);
    while (Instant.now().isBefore(deadline)) {
      try {
        if (in.read() < 0) {
          return true;
        }
      } catch (SocketTimeoutException notYet) {
        // keep reading
      } catch (EOFException | javax.net.ssl.SSLException e) {
        return true;
      } catch (IOException e) {
        return true;
      }
    }
    return false;
  }

  static JsonObject enrollment(Path stateDir) throws IOException {
    return Json.createReader(
            new StringReader(Files.readString(stateDir.resolve("enrollment.json"))))
        .readObject();
  }

  static String endpoint(Path stateDir) throws IOException {
    return enrollment(stateDir).getJsonArray("channelEndpoints").getString(0);
  }

  static X509Certificate certificate(String pem) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }

  static PrivateKey privateKey(String pem) throws Exception {
    String base64 =
        pem.replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    return KeyFactory.getInstance("EC")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
