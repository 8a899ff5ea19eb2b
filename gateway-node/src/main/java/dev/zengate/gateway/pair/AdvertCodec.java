package dev.zengate.gateway.pair;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The advertisement's wire format, and its authentication with HMAC-SHA256 over a shared secret.
 *
 * <pre>
 * "ZGP" version(1) flags(1) priority(1) role(1) reserved(1)
 * incarnation(8) sequence(8) pairIdLength(1) pairId nodeLength(1) node [hmac(32)]
 * </pre>
 *
 * Flag bit 0: an HMAC follows; bit 1: the sender breaks ties by name. The pair id is checked before
 * the HMAC so that another pair's traffic is reported as such, not as a forgery.
 */
final class AdvertCodec {

  static final int MAX_SIZE = 256;
  private static final byte[] MAGIC = {'Z', 'G', 'P'};
  private static final int VERSION = 1;
  private static final int FLAG_HMAC = 1;
  private static final int FLAG_TIE_BY_NAME = 2;
  private static final int HMAC_LENGTH = 32;
  private static final String HMAC = "HmacSHA256";

  private final String pairId;
  private final SecretKeySpec key;

  /** {@code secret} may be null: advertisements are then neither signed nor expected signed. */
  AdvertCodec(String pairId, byte[] secret) {
    this.pairId = pairId;
    this.key = secret == null ? null : new SecretKeySpec(secret, HMAC);
  }

  /** Thrown by {@link #decode} for a datagram that is not a valid advertisement of this pair. */
  static final class Ignored extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient IgnoreReason reason;

    Ignored(IgnoreReason reason, String detail) {
      super(detail, null, false, false);
      this.reason = reason;
    }

    IgnoreReason reason() {
      return reason;
    }
  }

  byte[] encode(Advert advert) {
    byte[] pair = advert.pairId().getBytes(StandardCharsets.UTF_8);
    byte[] node = advert.node().getBytes(StandardCharsets.UTF_8);
    ByteBuffer out = ByteBuffer.allocate(MAX_SIZE);
    out.put(MAGIC).put((byte) VERSION);
    int flags = (key == null ? 0 : FLAG_HMAC) | (advert.tieBreakByName() ? FLAG_TIE_BY_NAME : 0);
    out.put((byte) flags).put((byte) advert.priority()).put((byte) advert.role().code());
    out.put((byte) 0);
    out.putLong(advert.incarnation()).putLong(advert.sequence());
    out.put((byte) pair.length).put(pair).put((byte) node.length).put(node);
    if (key != null) {
      out.put(mac(out.array(), out.position()));
    }
    byte[] datagram = new byte[out.position()];
    System.arraycopy(out.array(), 0, datagram, 0, datagram.length);
    return datagram;
  }

  /** Decodes the first {@code length} bytes of {@code datagram}. */
  Advert decode(byte[] datagram, int length) throws Ignored {
    ByteBuffer in = ByteBuffer.wrap(datagram, 0, length);
    try {
      byte[] magic = new byte[MAGIC.length];
      in.get(magic);
      int version = in.get() & 0xff;
      if (!MessageDigest.isEqual(magic, MAGIC) || version != VERSION) {
        throw new Ignored(IgnoreReason.MALFORMED, "not a version " + VERSION + " advertisement");
      }
      int flags = in.get() & 0xff;
      int priority = in.get() & 0xff;
      PairRole role = PairRole.fromCode(in.get() & 0xff);
      in.get();
      long incarnation = in.getLong();
      long sequence = in.getLong();
      String pair = string(in);
      String node = string(in);
      if (!pair.equals(pairId)) {
        throw new Ignored(IgnoreReason.OTHER_PAIR, "pair id '" + pair + "'");
      }
      boolean signed = (flags & FLAG_HMAC) != 0;
      if (key != null || signed) {
        authenticate(datagram, in, signed);
      }
      if (in.hasRemaining()) {
        throw new Ignored(IgnoreReason.MALFORMED, in.remaining() + " trailing bytes");
      }
      return new Advert(
          pair, node, priority, role, (flags & FLAG_TIE_BY_NAME) != 0, incarnation, sequence);
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      throw new Ignored(IgnoreReason.MALFORMED, "truncated or invalid: " + e.getMessage());
    }
  }

  private void authenticate(byte[] datagram, ByteBuffer in, boolean signed) throws Ignored {
    if (key == null) {
      throw new Ignored(IgnoreReason.UNAUTHENTICATED, "signed, but this node has no pair secret");
    }
    if (!signed) {
      throw new Ignored(IgnoreReason.UNAUTHENTICATED, "not signed, but a pair secret is set");
    }
    int signedLength = in.position();
    byte[] received = new byte[HMAC_LENGTH];
    in.get(received);
    byte[] expected = mac(datagram, signedLength);
    if (!MessageDigest.isEqual(expected, received)) {
      throw new Ignored(IgnoreReason.BAD_HMAC, "HMAC does not match the pair secret");
    }
  }

  private byte[] mac(byte[] data, int length) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      mac.update(data, 0, length);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every JDK", e);
    }
  }

  private static String string(ByteBuffer in) {
    int length = in.get() & 0xff;
    byte[] bytes = new byte[length];
    in.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
