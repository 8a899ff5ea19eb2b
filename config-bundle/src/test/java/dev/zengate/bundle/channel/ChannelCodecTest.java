package dev.zengate.bundle.channel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChannelCodecTest {

  @Test
  void aMessageIsOneFrameOfItsCanonicalJsonAndBack() {
    EmbeddedChannel channel = new EmbeddedChannel(new ChannelCodec());
    ChannelMessage message = new ChannelMessage.WitnessQuestion(7, 42);
    channel.writeOutbound(message);
    ByteBuf frame = channel.readOutbound();
    try {
      assertArrayEquals(ChannelMessage.encode(message), ByteBufUtil.getBytes(frame));
      channel.writeInbound(frame.retain());
    } finally {
      frame.release();
    }
    assertEquals(message, channel.readInbound());
  }

  @Test
  void aFrameThatIsNoChannelMessageIsADecoderError() {
    EmbeddedChannel channel = new EmbeddedChannel(new ChannelCodec());
    DecoderException error =
        assertThrows(
            DecoderException.class,
            () ->
                channel.writeInbound(
                    Unpooled.copiedBuffer("{\"type\":\"nonsense\"}", StandardCharsets.UTF_8)));
    assertEquals(true, error.getMessage().startsWith("not a channel message"), error.getMessage());
  }
}
