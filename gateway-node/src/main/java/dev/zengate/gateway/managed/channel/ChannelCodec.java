package dev.zengate.gateway.managed.channel;

import dev.zengate.bundle.BundleRejectedException;
import dev.zengate.bundle.channel.ChannelMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.MessageToMessageCodec;
import java.util.List;

/** One length-delimited frame to one {@link ChannelMessage} and back (canonical JSON). */
final class ChannelCodec extends MessageToMessageCodec<ByteBuf, ChannelMessage> {

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
