package dev.zengate.bundle.channel;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.zengate.bundle.BundleJson;
import dev.zengate.bundle.BundleRejectedException;
import dev.zengate.bundle.NodeReport;
import dev.zengate.bundle.PartnerCertificate;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One frame of the node channel: a typed record, sent as canonical JSON with a {@code type} field.
 * The node's identity is never part of a message: the management side takes it from the node's TLS
 * client certificate alone, so fields that name a node are checked against it, never trusted.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ChannelMessage.Hello.class, name = "hello"),
  @JsonSubTypes.Type(value = ChannelMessage.Bundle.class, name = "bundle"),
  @JsonSubTypes.Type(value = ChannelMessage.Report.class, name = "report"),
  @JsonSubTypes.Type(value = ChannelMessage.LeaseRenewal.class, name = "lease-renewal"),
  @JsonSubTypes.Type(value = ChannelMessage.WitnessQuestion.class, name = "witness-question"),
  @JsonSubTypes.Type(value = ChannelMessage.WitnessAnswer.class, name = "witness-answer"),
  @JsonSubTypes.Type(value = ChannelMessage.Refused.class, name = "refused"),
  @JsonSubTypes.Type(value = ChannelMessage.Heartbeat.class, name = "heartbeat"),
  @JsonSubTypes.Type(
      value = ChannelMessage.PartnerCertificates.class,
      name = "partner-certificates"),
})
public sealed interface ChannelMessage {

  /**
   * The largest frame a node accepts (management → node): a bundle with thousands of listeners,
   * keys and chains fits.
   */
  int MAX_BUNDLE_FRAME_BYTES = 16 << 20;

  /**
   * The largest frame the management side accepts from a node: nothing a node sends needs more, and
   * a member never buffers more than this per connection on a node's say-so.
   */
  int MAX_NODE_FRAME_BYTES = 64 << 10;

  /**
   * Node → management, first on every connection: what the node runs, so the member answers with
   * the newest published bundle from PostgreSQL when it is newer.
   */
  record Hello(long runningVersion, String runningHash) implements ChannelMessage {}

  /** Management → node: a {@link dev.zengate.bundle.SignedBundle} as published (JSON text). */
  record Bundle(String signedBundle) implements ChannelMessage {}

  /** Node → management: acknowledgement, refusal, role change or heartbeat. */
  record Report(NodeReport report) implements ChannelMessage {}

  /**
   * Node → management: partner certificates its listeners saw that are new or seen again since the
   * last such message, at most {@link #MAX_PARTNER_CERTIFICATES} (with names of up to 1,024
   * characters a frame stays under {@link #MAX_NODE_FRAME_BYTES}).
   */
  record PartnerCertificates(List<PartnerCertificate> certificates) implements ChannelMessage {}

  /** The most certificates one {@link PartnerCertificates} message carries. */
  int MAX_PARTNER_CERTIFICATES = 8;

  /** Node → management, every 150 ms while master: holds the pair's master lease. */
  record LeaseRenewal(long pairId) implements ChannelMessage {}

  /** Node → management: may this node take over its pair's master role (its peer went silent)? */
  record WitnessQuestion(long id, long pairId) implements ChannelMessage {}

  /**
   * Management → node.
   *
   * @param verdict {@code agreed} (no live lease of another node: take over), {@code refused} (the
   *     peer's lease is live) or {@code unknown}
   */
  record WitnessAnswer(long id, String verdict) implements ChannelMessage {}

  /** Management → node: a message of the node was refused, and why (also logged on the server). */
  record Refused(String code, String reason) implements ChannelMessage {}

  /**
   * Management → node when it has sent nothing else for a while, so a node notices a member that is
   * gone without a TCP reset (its read timeout) and moves to another.
   */
  record Heartbeat(long at) implements ChannelMessage {}

  static byte[] encode(ChannelMessage message) {
    return BundleJson.canonical(message);
  }

  /**
   * Reads one frame.
   *
   * @throws BundleRejectedException when it is not one of the messages above
   */
  static ChannelMessage decode(byte[] frame) throws BundleRejectedException {
    return BundleJson.read(frame, ChannelMessage.class);
  }

  static String text(ChannelMessage message) {
    return new String(encode(message), StandardCharsets.UTF_8);
  }
}
