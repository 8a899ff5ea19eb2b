package dev.zengate.bundle.channel;

import dev.zengate.bundle.BundleRejectedException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.MessageToMessageCodec;
import java.util.List;

/**
 * One length-delimited frame to one {@link ChannelMessage} and back (canonical JSON), for both ends
 * of the node channel: after a length-field frame decoder and prepender, before the handler. Netty
 * is an optional dependency of this module: only the channel's two ends use this class, and they
 * bring Netty themselves.
 */
public final class ChannelCodec extends MessageToMessageCodec<ByteBuf, ChannelMessage> {

  @Override
  protected void encode(ChannelHandlerContext ctx, ChannelMessage message, List<Object> out) {
    out.add(Unpooled.wrappedBuffer(ChannelMessage.encode(message)));
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
    try {
      out.add(ChannelMessage.decode(ByteBufUtil.getBytes(frame)));
    } catch (BundleRejectedException e) {
      throw new DecoderException("not a channel message: " + e.getMessage());
    }
  }
}
