package dev.zengate.gateway.proxy;

import dev.zengate.gateway.tls.TlsOffer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.SslClientHelloHandler;
import io.netty.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Notes which versions and cipher suites a partner offered in its ClientHello, so that a failed
 * handshake can be explained ("no shared cipher; the client offered …"), then steps aside. Uses
 * Netty's ClientHello framing, the same as {@code SniHandler}.
 */
final class ClientHelloRecorder extends SslClientHelloHandler<Void> {

  private static final int EXTENSION_SUPPORTED_VERSIONS = 0x002b;
  private static final Map<Integer, String> VERSIONS =
      Map.of(
          0x0300, "SSLv3", 0x0301, "TLSv1", 0x0302, "TLSv1.1", 0x0303, "TLSv1.2", 0x0304,
          "TLSv1.3");
  private static final Map<Integer, String> SUITES =
      Map.ofEntries(
          Map.entry(0x1301, "TLS_AES_128_GCM_SHA256"),
          Map.entry(0x1302, "TLS_AES_256_GCM_SHA384"),
          Map.entry(0x1303, "TLS_CHACHA20_POLY1305_SHA256"),
          Map.entry(0xc02b, "ECDHE-ECDSA-AES128-GCM-SHA256"),
          Map.entry(0xc02c, "ECDHE-ECDSA-AES256-GCM-SHA384"),
          Map.entry(0xc02f, "ECDHE-RSA-AES128-GCM-SHA256"),
          Map.entry(0xc030, "ECDHE-RSA-AES256-GCM-SHA384"),
          Map.entry(0xcca9, "ECDHE-ECDSA-CHACHA20-POLY1305"),
          Map.entry(0xcca8, "ECDHE-RSA-CHACHA20-POLY1305"),
          Map.entry(0xc009, "ECDHE-ECDSA-AES128-SHA"),
          Map.entry(0xc00a, "ECDHE-ECDSA-AES256-SHA"),
          Map.entry(0xc013, "ECDHE-RSA-AES128-SHA"),
          Map.entry(0xc014, "ECDHE-RSA-AES256-SHA"),
          Map.entry(0xc024, "ECDHE-ECDSA-AES256-SHA384"),
          Map.entry(0xc028, "ECDHE-RSA-AES256-SHA384"),
          Map.entry(0x0033, "DHE-RSA-AES128-SHA"),
          Map.entry(0x0039, "DHE-RSA-AES256-SHA"),
          Map.entry(0x003c, "AES128-SHA256"),
          Map.entry(0x003d, "AES256-SHA256"),
          Map.entry(0xc023, "ECDHE-ECDSA-AES128-SHA256"),
          Map.entry(0xc027, "ECDHE-RSA-AES128-SHA256"),
          Map.entry(0x009e, "DHE-RSA-AES128-GCM-SHA256"),
          Map.entry(0x009f, "DHE-RSA-AES256-GCM-SHA384"),
          Map.entry(0x009c, "AES128-GCM-SHA256"),
          Map.entry(0x009d, "AES256-GCM-SHA384"),
          Map.entry(0x002f, "AES128-SHA"),
          Map.entry(0x0035, "AES256-SHA"),
          Map.entry(0x000a, "DES-CBC3-SHA"),
          Map.entry(0x0005, "RC4-SHA"),
          Map.entry(0x00ff, "(renegotiation-info)"));

  private final ConnectionRecord record;

  ClientHelloRecorder(ConnectionRecord record) {
    this.record = record;
  }

  @Override
  protected Future<Void> lookup(ChannelHandlerContext ctx, ByteBuf clientHello) {
    if (clientHello != null) {
      record.clientHello = ByteBufUtil.getBytes(clientHello);
    }
    return ctx.executor().newSucceededFuture(null);
  }

  @Override
  protected void onLookupComplete(ChannelHandlerContext ctx, Future<Void> future) {
    // Removing a ByteToMessageDecoder passes the bytes it holds on to the SslHandler.
    ctx.pipeline().remove(this);
    // Reads were held back while the hello was examined; with AUTO_READ off, ask again.
    ctx.channel().read();
  }

  /** {@code 0x00ff}, for codes without a name. */
  static String hex(int code) {
    return "0x" + Integer.toHexString(0x10000 | code).substring(1);
  }

  /** Parses the ClientHello body (RFC 8446 section 4.1.2), starting at legacy_version. */
  static TlsOffer offer(ByteBuf hello) {
    int offset = hello.readerIndex();
    int legacyVersion = hello.getUnsignedShort(offset);
    offset += 2 + 32;
    offset += 1 + hello.getUnsignedByte(offset);
    int suitesLength = hello.getUnsignedShort(offset);
    offset += 2;
    List<String> suites = new ArrayList<>();
    for (int i = 0; i < suitesLength; i += 2) {
      int code = hello.getUnsignedShort(offset + i);
      if ((code & 0x0f0f) != 0x0a0a) { // skip GREASE values
        String name = SUITES.get(code);
        suites.add(name != null ? name : hex(code));
      }
    }
    offset += suitesLength;
    offset += 1 + hello.getUnsignedByte(offset);
    List<String> versions = new ArrayList<>();
    if (offset + 2 <= hello.writerIndex()) {
      int end = offset + 2 + hello.getUnsignedShort(offset);
      offset += 2;
      while (offset + 4 <= end) {
        int type = hello.getUnsignedShort(offset);
        int length = hello.getUnsignedShort(offset + 2);
        if (type == EXTENSION_SUPPORTED_VERSIONS) {
          int listLength = hello.getUnsignedByte(offset + 4);
          for (int i = 0; i < listLength; i += 2) {
            int version = hello.getUnsignedShort(offset + 5 + i);
            if (VERSIONS.containsKey(version)) {
              versions.add(VERSIONS.get(version));
            }
          }
        }
        offset += 4 + length;
      }
    }
    if (versions.isEmpty()) {
      String name = VERSIONS.get(legacyVersion);
      versions.add(name != null ? name : hex(legacyVersion));
    }
    return new TlsOffer(versions, suites);
  }
}
