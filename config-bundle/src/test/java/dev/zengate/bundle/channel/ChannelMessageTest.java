package dev.zengate.bundle.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zengate.bundle.BundleRejectedException;
import dev.zengate.bundle.NodeReport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelMessageTest {

  @Test
  void everyMessageSurvivesTheWireWithItsType() throws Exception {
    List<ChannelMessage> messages =
        List.of(
            new ChannelMessage.Hello(5, "ab"),
            new ChannelMessage.Bundle("{\"keyId\":\"x\"}"),
            new ChannelMessage.Report(
                new NodeReport(
                    1,
                    "a",
                    2,
                    "heartbeat",
                    "MASTER",
                    5,
                    null,
                    0,
                    null,
                    null,
                    null,
                    "2026-01-01T00:00:00Z",
                    3)),
            new ChannelMessage.LeaseRenewal(2),
            new ChannelMessage.WitnessQuestion(9, 2),
            new ChannelMessage.WitnessAnswer(9, "agreed"),
            new ChannelMessage.Refused("flood", "too many"),
            new ChannelMessage.Heartbeat(1));
    for (ChannelMessage message : messages) {
      assertEquals(message, ChannelMessage.decode(ChannelMessage.encode(message)));
    }
    assertTrue(ChannelMessage.text(new ChannelMessage.LeaseRenewal(2)).contains("\"type\""));
  }

  @Test
  void unknownTypesAndFieldsAreRefused() {
    for (String frame :
        List.of(
            "{\"type\":\"grid-client\"}",
            "{\"type\":\"hello\",\"runningVersion\":1,\"nodeId\":7}",
            "{\"runningVersion\":1}",
            "not json")) {
      assertThrows(
          BundleRejectedException.class,
          () -> ChannelMessage.decode(frame.getBytes(StandardCharsets.UTF_8)),
          frame);
    }
  }

  @Test
  void peerTextLandsOnOneLogLine() {
    assertEquals("a\\u000aforged=1\\u000d", LogSafe.of("a\nforged=1\r"));
    assertEquals("say \\u0022hi\\u0022", LogSafe.of("say \"hi\""));
    assertTrue(LogSafe.of("x".repeat(1000)).length() <= 201);
    assertEquals("null", LogSafe.of(null));
  }
}
